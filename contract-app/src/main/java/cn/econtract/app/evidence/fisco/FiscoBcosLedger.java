package cn.econtract.app.evidence.fisco;

import cn.econtract.app.evidence.AnchorReceipt;
import cn.econtract.app.evidence.BatchHeader;
import cn.econtract.app.evidence.EvidenceLedger;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fisco.bcos.sdk.v3.codec.ContractCodec;
import org.fisco.bcos.sdk.v3.codec.ContractCodecException;
import org.fisco.bcos.sdk.v3.crypto.CryptoSuite;
import org.fisco.bcos.sdk.v3.model.CryptoType;
import org.fisco.bcos.sdk.v3.model.TransactionReceipt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anchors batch roots in {@code EvidenceAnchor.sol} on a FISCO BCOS chain: {@code anchor(root,
 * batchNo, firstSeq, lastSeq)} once per root, {@code lookup(root)} to find it again. A root the
 * contract already holds is answered from the look-up (a retried task never fails on "already
 * anchored"); an unreachable node is retried {@code attempts} times, then the task fails and
 * Camunda's retries take over.
 */
public class FiscoBcosLedger implements EvidenceLedger {

    public static final String NAME = "fisco-bcos";
    static final String ABI = resource("/fisco/EvidenceAnchor.abi");
    private static final Logger log = LoggerFactory.getLogger(FiscoBcosLedger.class);
    private static final String REVERT_SELECTOR = "08c379a0";

    private final ChainGateway chain;
    private final FiscoBcosProperties properties;
    private final ContractCodec codec;

    public FiscoBcosLedger(ChainGateway chain, FiscoBcosProperties properties) {
        if (properties.contractAddress() == null || properties.contractAddress().isBlank()) {
            throw new IllegalArgumentException("econtract.evidence.fisco-bcos.contract-address is required (deploy EvidenceAnchor.sol first)");
        }
        this.chain = chain;
        this.properties = properties;
        this.codec = new ContractCodec(new CryptoSuite(CryptoType.ECDSA_TYPE), false);
    }

    /** The SDK connected to the configured peers. */
    public static FiscoBcosLedger connect(FiscoBcosProperties properties) {
        return new FiscoBcosLedger(new SdkChainGateway(properties), properties);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public AnchorReceipt write(BatchHeader header) {
        byte[] data = encodeAnchor(header);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= properties.attempts(); attempt++) {
            TransactionReceipt receipt;
            try {
                receipt = chain.send(properties.contractAddress(), ABI, "anchor", data);
            } catch (RuntimeException e) {
                last = e;
                log.warn("FISCO BCOS anchoring of batch {} failed (attempt {}/{}): {}", header.batchNo(), attempt,
                        properties.attempts(), e.toString());
                pause(properties.backoff());
                continue;
            }
            if (receipt == null) {
                last = new FiscoBcosException("no receipt for batch " + header.batchNo());
                continue;
            }
            if (receipt.getStatus() == 0) {
                return receipt(header, receipt);
            }
            String reason = revertReason(receipt.getOutput());
            if ("already anchored".equals(reason)) {
                return find(header).orElseThrow(() -> new FiscoBcosException(
                        "chain says batch " + header.batchNo() + " is anchored but lookup finds nothing"));
            }
            throw new FiscoBcosException("anchoring batch " + header.batchNo() + " reverted: status " + receipt.getStatus()
                    + (reason == null ? "" : " (" + reason + ")"));
        }
        throw new FiscoBcosException("FISCO BCOS unreachable after " + properties.attempts() + " attempts", last);
    }

    @Override
    public Optional<AnchorReceipt> find(BatchHeader header) {
        String output;
        try {
            output = chain.call(properties.contractAddress(), encodeLookup(header.merkleRoot()));
        } catch (RuntimeException e) {
            throw new FiscoBcosException("lookup of batch " + header.batchNo() + " failed: " + e.getMessage(), e);
        }
        List<Object> values = decodeLookup(output);
        BigInteger anchoredAt = (BigInteger) values.get(3);
        if (anchoredAt.signum() == 0) {
            return Optional.empty();
        }
        Map<String, String> fields = base();
        fields.put("batchNo", values.get(0).toString());
        fields.put("firstSeq", values.get(1).toString());
        fields.put("lastSeq", values.get(2).toString());
        fields.put("anchoredAtMillis", anchoredAt.toString());
        return Optional.of(new AnchorReceipt(NAME, header.merkleRoot(), fields));
    }

    byte[] encodeAnchor(BatchHeader header) {
        try {
            return codec.encodeMethod(ABI, "anchor", List.of(HexFormat.of().parseHex(header.merkleRoot()),
                    BigInteger.valueOf(header.batchNo()), BigInteger.valueOf(header.firstSeq()), BigInteger.valueOf(header.lastSeq())));
        } catch (ContractCodecException e) {
            throw new IllegalStateException("cannot encode anchor call", e);
        }
    }

    byte[] encodeLookup(String merkleRoot) {
        try {
            return codec.encodeMethod(ABI, "lookup", List.of(HexFormat.of().parseHex(merkleRoot)));
        } catch (ContractCodecException e) {
            throw new IllegalStateException("cannot encode lookup call", e);
        }
    }

    List<Object> decodeLookup(String output) {
        try {
            return codec.decodeMethodOutputAndGetObject(ABI, "lookup", output).getLeft();
        } catch (ContractCodecException | RuntimeException e) {
            throw new FiscoBcosException("unreadable lookup answer " + output, e);
        }
    }

    private AnchorReceipt receipt(BatchHeader header, TransactionReceipt receipt) {
        Map<String, String> fields = base();
        fields.put("batchNo", String.valueOf(header.batchNo()));
        fields.put("firstSeq", String.valueOf(header.firstSeq()));
        fields.put("lastSeq", String.valueOf(header.lastSeq()));
        fields.put("transactionHash", receipt.getTransactionHash());
        fields.put("blockNumber", String.valueOf(receipt.getBlockNumber()));
        if (receipt.getFrom() != null) {
            fields.put("from", receipt.getFrom());
        }
        return new AnchorReceipt(NAME, header.merkleRoot(), fields);
    }

    private Map<String, String> base() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("chainId", chain.chainId());
        fields.put("group", chain.group());
        fields.put("contractAddress", properties.contractAddress());
        return fields;
    }

    /** The message of a Solidity {@code require} (ABI {@code Error(string)}), or null. */
    static String revertReason(String output) {
        if (output == null) {
            return null;
        }
        String hex = output.startsWith("0x") ? output.substring(2) : output;
        if (!hex.startsWith(REVERT_SELECTOR) || hex.length() < 8 + 128) {
            return null;
        }
        try {
            int length = new BigInteger(hex.substring(8 + 64, 8 + 128), 16).intValueExact();
            byte[] text = HexFormat.of().parseHex(hex.substring(8 + 128, 8 + 128 + 2 * length));
            return new String(text, StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FiscoBcosException("interrupted while waiting to retry", e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = FiscoBcosLedger.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
