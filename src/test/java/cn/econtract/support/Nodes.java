package cn.econtract.support;

import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Application nodes a test starts itself (failover, backup and restore). */
public final class Nodes {

    private Nodes() {
    }

    /** The port the node's web server took. */
    public static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
