package cn.econtract.worker;

import java.util.Arrays;
import java.util.function.Function;
import org.camunda.bpm.client.ExternalTaskClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a worker process: {@code java -jar contract-app.jar <command> [--property=value …]}, profile = command. */
final class Workers {

    private Workers() {
    }

    static void run(Class<?> worker, String command, String[] args,
                    Function<ConfigurableApplicationContext, ExternalTaskClient> subscribe) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(worker)
                .web(WebApplicationType.NONE).profiles(command).run(Arrays.copyOfRange(args, 1, args.length));
        ExternalTaskClient client = subscribe.apply(context);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            client.stop();
            context.close();
        }, command + "-shutdown"));
    }
}
