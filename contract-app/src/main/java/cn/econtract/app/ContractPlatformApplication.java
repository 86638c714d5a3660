package cn.econtract.app;

import cn.econtract.app.evidence.OfflineVerifier;
import cn.econtract.app.ops.MaintenanceCommand;
import cn.econtract.worker.EvidenceWorkerApplication;
import cn.econtract.worker.SigningWorkerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = {"cn.econtract.app", "cn.econtract.delegates"})
@ConfigurationPropertiesScan
public class ContractPlatformApplication {

    public static void main(String[] args) {
        if (OfflineVerifier.isCommand(args)) {
            System.exit(new OfflineVerifier(System.out).run(args));
        }
        if (EvidenceWorkerApplication.isCommand(args)) {
            EvidenceWorkerApplication.run(args);
            return;
        }
        if (SigningWorkerApplication.isCommand(args)) {
            SigningWorkerApplication.run(args);
            return;
        }
        if (MaintenanceCommand.isCommand(args)) {
            System.exit(MaintenanceCommand.run(ContractPlatformApplication.class, args, System.out));
        }
        SpringApplication.run(ContractPlatformApplication.class, args);
    }
}
