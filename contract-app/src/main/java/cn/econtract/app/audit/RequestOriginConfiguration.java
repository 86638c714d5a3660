package cn.econtract.app.audit;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.RequestContextFilter;

/**
 * Exposes the current request before Spring Security runs, so that logins, failed logins and
 * denials recorded from inside the security filters carry the caller's IP and user agent.
 */
@Configuration(proxyBeanMethods = false)
class RequestOriginConfiguration {

    @Bean
    FilterRegistrationBean<RequestContextFilter> requestOriginFilter() {
        FilterRegistrationBean<RequestContextFilter> registration = new FilterRegistrationBean<>(new RequestContextFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("requestOriginFilter");
        return registration;
    }
}
