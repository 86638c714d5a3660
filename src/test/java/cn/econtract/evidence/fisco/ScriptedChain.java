package cn.econtract.evidence.fisco;

import cn.econtract.app.evidence.fisco.ChainGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.fisco.bcos.sdk.v3.model.TransactionReceipt;

/**
 * A scripted stand-in for a FISCO BCOS node, which cannot run in this project's CI: it answers
 * sends and calls from a queue the test fills and records what our adapter sent. Only the network
 * client is replaced; the adapter's encoding uses the real SDK codec.
 */
final class ScriptedChain implements ChainGateway {

    final List<byte[]> sent = new ArrayList<>();
    final List<byte[]> calls = new ArrayList<>();
    final Deque<Supplier<TransactionReceipt>> sends = new ArrayDeque<>();
    final Deque<Supplier<String>> answers = new ArrayDeque<>();

    @Override
    public TransactionReceipt send(String to, String abi, String method, byte[] data) {
        sent.add(data);
        return sends.removeFirst().get();
    }

    @Override
    public String call(String to, byte[] data) {
        calls.add(data);
        return answers.removeFirst().get();
    }

    @Override
    public String chainId() {
        return "chain0";
    }

    @Override
    public String group() {
        return "group0";
    }

    static TransactionReceipt receipt(int status, String output) {
        TransactionReceipt receipt = new TransactionReceipt();
        receipt.setStatus(status);
        receipt.setOutput(output);
        receipt.setTransactionHash("0x" + "ab".repeat(32));
        receipt.setBlockNumber(java.math.BigInteger.valueOf(4711));
        receipt.setFrom("0x" + "11".repeat(20));
        return receipt;
    }
}
