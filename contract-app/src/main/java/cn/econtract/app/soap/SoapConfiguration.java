package cn.econtract.app.soap;

import jakarta.xml.ws.Endpoint;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Publishes the contract service under CXF's servlet ({@code cxf.path}, /services):
 * /services/contracts. Only with a web server: maintenance commands and the evidence worker have
 * none, and CXF then has no bus.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SoapConfiguration {

    @Bean
    Endpoint contractEndpoint(Bus bus, ContractSoapService service) {
        EndpointImpl endpoint = new EndpointImpl(bus, service);
        endpoint.publish("/contracts");
        return endpoint;
    }
}
