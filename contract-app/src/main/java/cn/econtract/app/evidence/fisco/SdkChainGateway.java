package cn.econtract.app.evidence.fisco;

import org.fisco.bcos.sdk.v3.BcosSDK;
import org.fisco.bcos.sdk.v3.client.Client;
import org.fisco.bcos.sdk.v3.client.protocol.request.Transaction;
import org.fisco.bcos.sdk.v3.client.protocol.response.Call;
import org.fisco.bcos.sdk.v3.model.TransactionReceipt;
import org.fisco.bcos.sdk.v3.transaction.manager.AssembleTransactionProcessor;
import org.fisco.bcos.sdk.v3.transaction.manager.TransactionProcessorFactory;

/**
 * The real gateway: the SDK connected to the peers in {@code config.toml}. Only exercised against a
 * configured chain ({@code FiscoBcosChainIT}); no FISCO BCOS node can run in this project's CI.
 */
final class SdkChainGateway implements ChainGateway, AutoCloseable {

    private final BcosSDK sdk;
    private final Client client;
    private final AssembleTransactionProcessor processor;

    SdkChainGateway(FiscoBcosProperties properties) {
        if (properties.configFile() == null) {
            throw new IllegalArgumentException("econtract.evidence.fisco-bcos.config-file is required for the fisco-bcos ledger");
        }
        this.sdk = BcosSDK.build(properties.configFile().toString());
        this.client = sdk.getClient(properties.group());
        this.processor = TransactionProcessorFactory.createAssembleTransactionProcessor(client,
                client.getCryptoSuite().getCryptoKeyPair());
    }

    @Override
    public TransactionReceipt send(String to, String abi, String method, byte[] data) {
        return processor.sendTransactionAndGetResponse(to, abi, method, data).getTransactionReceipt();
    }

    @Override
    public String call(String to, byte[] data) {
        Call call = client.call(new Transaction(client.getCryptoSuite().getCryptoKeyPair().getAddress(), to, data));
        Call.CallOutput output = call.getCallResult();
        if (output.getStatus() != 0) {
            throw new FiscoBcosException("call failed with status " + output.getStatus());
        }
        return output.getOutput();
    }

    @Override
    public String chainId() {
        return client.getChainId();
    }

    @Override
    public String group() {
        return client.getGroup();
    }

    @Override
    public void close() {
        sdk.stopAll();
    }
}
