package uk.carenav.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * One simulated browser session speaking Vaadin Flow's own client-server protocol over HTTP, without a browser:
 * the sign-in form post, the UI's init request ({@code ?v-r=init}), then UIDL messages ({@code ?v-r=uidl}) carrying
 * the same RPCs the browser's client engine sends (DOM events, property syncs, {@code @ClientCallable} calls,
 * {@code ui-navigate}). It mirrors the server's state tree from the changes in each response, so it finds buttons
 * and fields by their text, class or label as a user would, and sends events to their node ids.
 */
final class UidlClient {

    /** Node feature ids of Flow's state tree (NodeFeatureRegistry). */
    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int TEXT = 7;
    static final int CLASS_LIST = 11;
    static final int VIRTUAL_CHILDREN = 24;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A node of the mirrored state tree: map features (key to value, or to a node id) and list features. */
    static final class Node {
        final int id;
        final Map<Integer, Map<String, Object>> maps = new HashMap<>(4);
        final Map<Integer, List<Object>> lists = new HashMap<>(4);

        Node(int id) {
            this.id = id;
        }

        Map<String, Object> map(int feature) {
            return maps.computeIfAbsent(feature, f -> new HashMap<>(4));
        }

        List<Object> list(int feature) {
            return lists.computeIfAbsent(feature, f -> new ArrayList<>(2));
        }

        String tag() {
            Object t = maps.getOrDefault(ELEMENT_DATA, Map.of()).get("tag");
            return t instanceof JsonNode j ? j.asText() : null;
        }

        String attribute(String name) {
            Object v = maps.getOrDefault(ATTRIBUTES, Map.of()).get(name);
            return v instanceof JsonNode j ? j.asText() : null;
        }

        JsonNode property(String name) {
            Object v = maps.getOrDefault(PROPERTIES, Map.of()).get(name);
            return v instanceof JsonNode j ? j : null;
        }

        boolean hasClass(String name) {
            return lists.getOrDefault(CLASS_LIST, List.of()).stream()
                    .anyMatch(c -> c instanceof JsonNode j && j.asText().equals(name));
        }

        boolean hidden() {
            return maps.getOrDefault(ATTRIBUTES, Map.of()).containsKey("hidden");
        }
    }

    /** The server's answer to one request, with the time it took. */
    record Answer(String body, long nanos) {
    }

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager();
    private final String base;
    private final Map<Integer, Node> nodes = new HashMap<>();
    private String csrf;
    private int uiId;
    private int syncId;
    private int clientId;
    private int promise;

    UidlClient(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The value of a cookie the server (or a load balancer in front of it) set, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(c -> c.getValue())
                .findFirst().orElse(null);
    }

    /** Posts the sign-in form as the page does; true when the server signed in (a redirect not to the error page). */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 302 && r.headers().firstValue("Location").filter(l -> !l.contains("error")).isPresent();
    }

    private String origin() {
        URI u = URI.create(base);
        return u.getScheme() + "://" + u.getAuthority();
    }

    /** Opens a page as a fresh tab does: the UI's init request, then navigation to the route. */
    Answer open(String route) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> r = sendOnceMore(HttpRequest.newBuilder(URI.create(base + "?v-r=init&location="
                        + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=")).timeout(Duration.ofSeconds(60))
                .GET().build());
        if (r.statusCode() != 200 || !r.body().startsWith("{")) {
            throw new IllegalStateException("init of " + route + ": HTTP " + r.statusCode());
        }
        JsonNode config = JSON.readTree(r.body()).path("appConfig");
        nodes.clear();
        uiId = config.path("v-uiId").asInt();
        syncId = 0;
        clientId = 0;
        apply(config.path("uidl"));
        Answer nav = navigate(route);
        return new Answer(nav.body(), System.nanoTime() - t0);
    }

    /** Navigates within the open UI, as a link or the browser's history does. */
    Answer navigate(String route) throws IOException, InterruptedException {
        ObjectNode data = JSON.createObjectNode().put("route", route).put("query", "").put("appShellTitle", "")
                .put("trigger", "");
        data.putNull("historyState");
        return send(event(1, "ui-navigate", data));
    }

    Answer click(Node n) throws IOException, InterruptedException {
        ObjectNode data = JSON.createObjectNode().put("event.shiftKey", false).put("event.metaKey", false)
                .put("event.detail", 1).put("event.ctrlKey", false).put("event.clientX", 0).put("event.clientY", 0)
                .put("event.altKey", false).put("event.button", 0).put("event.screenY", 0).put("event.screenX", 0);
        return send(event(n.id, "click", data));
    }

    /** Calls a method the component published to the browser ({@code @ClientCallable}), as {@code this.$server.x()}. */
    Answer callServer(Node n, String method, Object... args) throws IOException, InterruptedException {
        ObjectNode rpc = JSON.createObjectNode().put("type", "publishedEventHandler").put("node", n.id)
                .put("templateEventMethodName", method).put("promise", promise++);
        ArrayNode a = rpc.putArray("templateEventMethodArgs");
        for (Object arg : args) {
            a.addPOJO(arg);
        }
        return send(rpc);
    }

    /** Chooses an option of a radio group, as clicking its radio button does. */
    Answer choose(Node group, Node radio) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.add(sync(radio.id, "checked", JSON.getNodeFactory().booleanNode(true)));
        rpc.add(event(radio.id, "checked-changed", JSON.createObjectNode()));
        rpc.add(sync(group.id, "value", radio.property("value")));
        rpc.add(event(group.id, "value-changed", JSON.createObjectNode()));
        return send(rpc);
    }

    /** Types into a field whose value the server takes as the user types (lazy or eager value change mode). */
    Answer type(Node field, String text) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.add(sync(field.id, "value", JSON.getNodeFactory().textNode(text)));
        rpc.add(event(field.id, "input", JSON.createObjectNode().put("1", 1).put("for", "trailing")));
        return send(rpc);
    }

    /** Opens a details element (a closed section), as clicking its summary does. */
    Answer expand(Node details) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.add(sync(details.id, "opened", JSON.getNodeFactory().booleanNode(true)));
        rpc.add(event(details.id, "opened-changed", JSON.createObjectNode()));
        return send(rpc);
    }

    /** Presses the confirming button of a confirm dialog. */
    Answer confirm(Node dialog) throws IOException, InterruptedException {
        ArrayNode rpc = JSON.createArrayNode();
        rpc.add(JSON.createObjectNode().put("type", "event").put("node", dialog.id).put("event", "confirm"));
        rpc.add(event(dialog.id, "opened-changed", JSON.createObjectNode().put("event.detail.value === false", true)));
        return send(rpc);
    }

    private static ObjectNode event(int node, String name, ObjectNode data) {
        ObjectNode e = JSON.createObjectNode().put("type", "event").put("node", node).put("event", name);
        e.set("data", data);
        return e;
    }

    private static ObjectNode sync(int node, String property, JsonNode value) {
        ObjectNode s = JSON.createObjectNode().put("type", "mSync").put("node", node).put("feature", PROPERTIES)
                .put("property", property);
        s.set("value", value);
        return s;
    }

    /** Requests sent a second time because the first failed on the connection (a browser does the same). */
    static final LongAdder RETRIED = new LongAdder();

    /**
     * Sends a request; when it fails on the connection (a kept-alive connection the server closed as it was
     * reused: "header parser received no bytes"), sends it once more on a new one, as a browser does. Safe for a
     * UIDL message: it carries the same client id, and the server answers a repeated message with its last answer
     * rather than applying it twice. A timeout is not retried.
     */
    private HttpResponse<String> sendOnceMore(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException firstTry) {
            RETRIED.increment();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private Answer send(JsonNode rpcOrList) throws IOException, InterruptedException {
        ArrayNode rpc = rpcOrList.isArray() ? (ArrayNode) rpcOrList : JSON.createArrayNode().add(rpcOrList);
        ObjectNode body = JSON.createObjectNode().put("csrfToken", csrf);
        body.set("rpc", rpc);
        body.put("syncId", syncId).put("clientId", clientId);
        long t0 = System.nanoTime();
        HttpResponse<String> r = sendOnceMore(HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        long took = System.nanoTime() - t0;
        String text = r.body();
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + " for " + rpc.get(0).path("type").asText());
        }
        String json = text.startsWith("for(;;);") ? text.substring(8) : text;
        JsonNode answer = JSON.readTree(json);
        JsonNode uidl = answer.isArray() ? answer.get(0) : answer;
        if (uidl.path("meta").path("sessionExpired").asBoolean(false)) {
            throw new IllegalStateException("session expired");
        }
        if (uidl.path("meta").has("appError")) {
            throw new IllegalStateException("application error: " + uidl.path("meta").path("appError"));
        }
        apply(uidl);
        return new Answer(text, took);
    }

    /** Applies one UIDL message's changes to the mirrored tree. */
    private void apply(JsonNode uidl) {
        if (uidl.has("Vaadin-Security-Key")) {
            csrf = uidl.get("Vaadin-Security-Key").asText();
        }
        if (uidl.has("syncId")) {
            syncId = uidl.get("syncId").asInt();
        }
        if (uidl.has("clientId")) {
            clientId = uidl.get("clientId").asInt();
        }
        for (JsonNode c : uidl.path("changes")) {
            int id = c.path("node").asInt();
            String type = c.path("type").asText();
            if (type.equals("detach")) {
                nodes.remove(id);
                continue;
            }
            Node n = nodes.computeIfAbsent(id, Node::new);
            int feat = c.path("feat").asInt(-1);
            switch (type) {
                case "put" -> n.map(feat).put(c.path("key").asText(),
                        c.has("nodeValue") ? (Object) c.get("nodeValue").asInt() : c.get("value"));
                case "remove" -> n.map(feat).remove(c.path("key").asText());
                case "clear" -> {
                    n.list(feat).clear();
                    n.map(feat).clear();
                }
                case "splice" -> {
                    List<Object> list = n.list(feat);
                    int index = c.path("index").asInt();
                    int remove = c.path("remove").asInt(0);
                    for (int i = 0; i < remove && index < list.size(); i++) {
                        list.remove(index);
                    }
                    List<Object> add = new ArrayList<>();
                    c.path("addNodes").forEach(x -> add.add(x.asInt()));
                    c.path("add").forEach(add::add);
                    list.addAll(Math.min(index, list.size()), add);
                }
                default -> {
                    // attach, empty: the node exists now
                }
            }
        }
    }

    /** Visible elements (and their subtrees) matching {@code test}, in document order. */
    List<Node> find(Predicate<Node> test) {
        List<Node> out = new ArrayList<>();
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(1);
        while (!stack.isEmpty()) {
            Node n = nodes.get(stack.pop());
            if (n == null || n.hidden()) {
                continue;
            }
            if (test.test(n)) {
                out.add(n);
            }
            List<Object> kids = kids(n);
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (kids.get(i) instanceof Integer k) {
                    stack.push(k);
                }
            }
        }
        return out;
    }

    /** A node's children, then its virtual children (dialogs and the like), as node ids. */
    private static List<Object> kids(Node n) {
        List<Object> kids = new ArrayList<>(n.lists.getOrDefault(CHILDREN, List.of()));
        kids.addAll(n.lists.getOrDefault(VIRTUAL_CHILDREN, List.of()));
        return kids;
    }

    /** Every element matching {@code test}, hidden or not (what a hidden part of the page holds), in no order. */
    List<Node> findIncludingHidden(Predicate<Node> test) {
        return nodes.values().stream().filter(test).toList();
    }

    /** The ids of a node's descendants (children and virtual children, all levels). */
    Set<Integer> descendants(Node n) {
        Set<Integer> out = new HashSet<>();
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(n.id);
        while (!stack.isEmpty()) {
            Node x = nodes.get(stack.pop());
            if (x == null) {
                continue;
            }
            for (Object k : kids(x)) {
                if (k instanceof Integer i && out.add(i)) {
                    stack.push(i);
                }
            }
        }
        return out;
    }

    /** The text of an element: its text nodes, depth first. */
    String text(Node n) {
        StringBuilder sb = new StringBuilder();
        Deque<Integer> stack = new ArrayDeque<>();
        stack.push(n.id);
        while (!stack.isEmpty()) {
            Node x = nodes.get(stack.pop());
            if (x == null) {
                continue;
            }
            Object t = x.maps.getOrDefault(TEXT, Map.of()).get("text");
            if (t instanceof JsonNode j) {
                sb.append(j.asText());
            }
            List<Object> kids = x.lists.getOrDefault(CHILDREN, List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                if (kids.get(i) instanceof Integer k) {
                    stack.push(k);
                }
            }
        }
        return sb.toString().strip();
    }

    /** The first visible element with this tag whose text is {@code text}. */
    Node byText(String tag, String text) {
        return find(n -> tag.equals(n.tag()) && text.equals(text(n))).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + tag + " '" + text + "' on the page"));
    }

    Node byClass(String tag, String cls) {
        return find(n -> tag.equals(n.tag()) && n.hasClass(cls)).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + tag + "." + cls + " on the page"));
    }

    int nodeCount() {
        return nodes.size();
    }
}
