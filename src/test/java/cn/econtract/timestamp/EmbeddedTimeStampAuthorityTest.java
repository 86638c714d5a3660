package cn.econtract.timestamp;

import cn.econtract.app.crypto.CryptoProperties;
import cn.econtract.app.crypto.Pkcs12KeyProvider;
import cn.econtract.app.timestamp.EmbeddedTimeStampAuthority;
import cn.econtract.app.timestamp.TimeStampAuthority;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The built-in authority, in process, with its key in a real PKCS#12 key store. */
class EmbeddedTimeStampAuthorityTest extends TimeStampAuthorityContract {

    @TempDir
    Path dir;
    private TimeStampAuthority authority;

    @BeforeEach
    void createAuthority() {
        Pkcs12KeyProvider keys = new Pkcs12KeyProvider(new CryptoProperties(dir.resolve("kek.p12"), "test-only-password", true));
        authority = new EmbeddedTimeStampAuthority(keys, "2.25.184561327102548330870546436917389153219", Clock.systemUTC());
    }

    @Override
    TimeStampAuthority authority() {
        return authority;
    }
}
