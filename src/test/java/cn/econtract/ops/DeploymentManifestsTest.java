package cn.econtract.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The Kubernetes manifests in deploy/k8s: probes on our health endpoints, resources, a PDB and an HPA, no secrets. */
class DeploymentManifestsTest {

    @Test
    @SuppressWarnings("unchecked")
    void deploymentsCarryProbesAndResourcesAndNoSecretIsInTheRepository() throws Exception {
        List<Map<String, Object>> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("..", "deploy", "k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    objects.add((Map<String, Object>) doc);
                }
            }
        }
        assertThat(objects).extracting(o -> o.get("kind")).contains("Deployment", "Service", "PodDisruptionBudget",
                "HorizontalPodAutoscaler", "ConfigMap").doesNotContain("Secret");
        for (Map<String, Object> o : objects) {
            if (!"Deployment".equals(o.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) o.get("spec")).get("template")).get("spec");
            for (Map<String, Object> container : (List<Map<String, Object>>) pod.get("containers")) {
                String name = ((Map<String, Object>) o.get("metadata")).get("name") + "/" + container.get("name");
                assertThat(container).as(name).containsKeys("resources", "image");
                assertThat((Map<String, Object>) container.get("resources")).as(name).containsKeys("requests", "limits");
                if (container.containsKey("ports")) {
                    assertThat(path(container, "livenessProbe")).as(name).isEqualTo("/actuator/health/liveness");
                    assertThat(path(container, "readinessProbe")).as(name).isEqualTo("/actuator/health/readiness");
                }
            }
        }
    }

    /** A worker deployed as its own Deployment is switched off inside the application, so one kind of worker runs the topic. */
    @Test
    @SuppressWarnings("unchecked")
    void everyDeployedWorkerIsAKnownCommandAndOffInTheApplication() throws Exception {
        List<String> commands = new ArrayList<>();
        Map<String, Object> config = null;
        try (Stream<Path> files = Files.list(Path.of("..", "deploy", "k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                    Map<String, Object> o = (Map<String, Object>) doc;
                    if ("ConfigMap".equals(o.get("kind"))) {
                        config = (Map<String, Object>) o.get("data");
                    }
                    if ("Deployment".equals(o.get("kind")) && !file.getFileName().toString().equals("app.yaml")
                            && !file.getFileName().toString().equals("canary.yaml")) {
                        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) o.get("spec"))
                                .get("template")).get("spec");
                        commands.add(((List<String>) ((List<Map<String, Object>>) pod.get("containers")).get(0).get("args")).get(0));
                    }
                }
            }
        }
        assertThat(commands).containsExactlyInAnyOrder(cn.econtract.worker.EvidenceWorkerApplication.COMMAND,
                cn.econtract.worker.SigningWorkerApplication.COMMAND);
        for (String command : commands) {
            String variable = "ECONTRACT_" + command.replace("-worker", "").toUpperCase(java.util.Locale.ROOT) + "_WORKER_IN_PROCESS";
            assertThat(config).as(command).containsEntry(variable, "false");
        }
    }

    @SuppressWarnings("unchecked")
    private static String path(Map<String, Object> container, String probe) {
        return (String) ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path");
    }
}
