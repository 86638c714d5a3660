package cn.econtract.app;

import cn.econtract.app.ops.MaintenanceCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"cn.econtract.app", "cn.econtract.delegates"})
@ConfigurationPropertiesScan
public class ContractPlatformApplication {

    public static void main(String[] args) {
        if (MaintenanceCommand.isCommand(args)) {
            System.exit(MaintenanceCommand.run(ContractPlatformApplication.class, args, System.out));
        }
        SpringApplication.run(ContractPlatformApplication.class, args);
    }
}
