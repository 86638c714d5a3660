package cn.econtract.app.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;

/** The RFC 3161 signature time-stamp a CMS signer carries as its unsigned attribute (PAdES-B-T). */
public final class SignatureTimeStamps {

    private SignatureTimeStamps() {
    }

    /** The token (DER), if the signer has one. */
    public static Optional<byte[]> tokenOf(SignerInformation signer) {
        if (signer.getUnsignedAttributes() == null) {
            return Optional.empty();
        }
        Attribute attribute = signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
