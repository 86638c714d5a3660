package cn.econtract.app.soap;

import cn.econtract.app.kernel.FieldError;
import cn.econtract.app.kernel.InvalidFieldsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template variables as an OA form sends them — flat name/value pairs with paths
 * ({@code partyB.name}, {@code paymentSchedule[0].amount}) — turned into the nested maps and
 * lists the template engine reads. Values stay text; the template's own checks convert and
 * validate them as for the REST API.
 */
final class VariablePaths {

    private static final Pattern STEP = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,63})(?:\\[(\\d{1,3})])?");
    static final int MAX_VARIABLES = 500;

    private VariablePaths() {
    }

    static Map<String, Object> nest(List<Map.Entry<String, String>> variables) {
        if (variables.size() > MAX_VARIABLES) {
            throw invalid("validation.soap.tooManyVariables", MAX_VARIABLES);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> variable : variables) {
            put(root, variable.getKey() == null ? "" : variable.getKey().strip(), variable.getValue());
        }
        return root;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String path, String value) {
        String[] steps = path.split("\\.", -1);
        Object container = root;
        for (int i = 0; i < steps.length; i++) {
            Matcher m = STEP.matcher(steps[i]);
            if (!m.matches()) {
                throw invalid("validation.soap.variablePath", path);
            }
            boolean last = i == steps.length - 1;
            Map<String, Object> map = asMap(container, path);
            String name = m.group(1);
            if (m.group(2) == null) {
                if (last) {
                    map.put(name, value);
                } else {
                    container = map.computeIfAbsent(name, k -> new LinkedHashMap<String, Object>());
                }
                continue;
            }
            Object existing = map.computeIfAbsent(name, k -> new ArrayList<>());
            if (!(existing instanceof List)) {
                throw invalid("validation.soap.variablePath", path);
            }
            List<Object> list = (List<Object>) existing;
            int index = Integer.parseInt(m.group(2));
            if (index > list.size()) {
                throw invalid("validation.soap.variablePath", path);  // lists are filled in order
            }
            if (index == list.size()) {
                list.add(last ? value : new LinkedHashMap<String, Object>());
            } else if (last) {
                list.set(index, value);
            }
            container = list.get(index);
        }
    }

    private static InvalidFieldsException invalid(String messageKey, Object arg) {
        return new InvalidFieldsException(List.of(new FieldError("variable", messageKey, arg)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object container, String path) {
        if (container instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw invalid("validation.soap.variablePath", path);
    }
}
