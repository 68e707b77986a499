package org.vidiverse.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A tiny HTTP client for tests, talking to the instance the way a PeerTube client does. */
final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    record Answer(int status, String contentType, String body, java.util.Map<String, java.util.List<String>> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, java.util.Map.of());
        }

        /** The first value of a response header, case-insensitive, or {@code null}. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Http(int port) {
        this.base = "http://localhost:" + port;
    }

    static Http forThisContainer() {
        return new Http(Integer.getInteger("vidiverse.itest.httpPort"));
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with a bearer token, or anonymous when {@code token} is {@code null}. */
    Answer get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A form POST, as OAuth clients send token requests. */
    Answer postForm(String path, String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** A JSON request with an optional bearer token ({@code null} for anonymous). */
    Answer json(String method, String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.headers().map());
    }

    /** A request with a raw body and headers given as name, value pairs. */
    Answer bytes(String method, String path, String token, byte[] body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    /** A password grant at {@code /api/v1/users/token} with the instance's local OAuth client, as clients log in. */
    Answer passwordGrant(String username, String password) throws IOException, InterruptedException {
        JsonNode client = awaitOk("/api/v1/oauth-clients/local").json();
        return postForm("/api/v1/users/token", "client_id=" + client.path("client_id").asText()
                + "&client_secret=" + client.path("client_secret").asText() + "&grant_type=password&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The access token of a successful login; fails the test otherwise. */
    String login(String username, String password) throws IOException, InterruptedException {
        Answer answer = passwordGrant(username, password);
        if (answer.status() != 200) {
            throw new AssertionError("login of " + username + " failed: " + answer.status() + " " + answer.body());
        }
        return answer.json().path("access_token").asText();
    }

    /** Waits until {@code path} answers 200, as the REST endpoint is published shortly after boot. */
    Answer awaitOk(String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Answer last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.status() == 200) {
                    return last;
                }
            } catch (IOException notYetListening) {
                // the HTTP port opens a moment after the container reports ready
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " never answered 200; last: " + last);
    }
}
