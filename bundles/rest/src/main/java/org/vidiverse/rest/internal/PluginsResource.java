package org.vidiverse.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.Part;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.vidiverse.api.model.PageRequest;
import org.vidiverse.api.model.UserRole;
import org.vidiverse.api.plugin.InstalledPlugin;
import org.vidiverse.api.plugin.InvalidPluginSettingsException;
import org.vidiverse.api.plugin.PluginInstallException;
import org.vidiverse.api.plugin.PluginManager;
import org.vidiverse.api.plugin.PluginSource;
import org.vidiverse.rest.api.Caller;
import org.vidiverse.rest.api.Paging;
import org.vidiverse.rest.api.Problem;
import org.vidiverse.rest.api.RestWhiteboard;

/**
 * PeerTube's {@code /api/v1/plugins} for administrators, over the plugin manager. A plugin's {@code npmName} is its
 * bundle's symbolic name ({@code peertube-plugin-<symbolic name>} is accepted too, as PeerTube's CLI prints it); to
 * install from a Maven repository, {@code npmName} is {@code groupId:artifactId:version} (or
 * {@code groupId:artifactId} with {@code pluginVersion}, or a {@code mvn:} URL); to install a feature of the
 * features repositories, {@code feature:name} or {@code feature:name/version}. Jars are uploaded as
 * {@code multipart/form-data} to {@code POST /api/v1/plugins/upload} (file field {@code pluginfile}).
 */
@Component(service = Object.class, property = RestWhiteboard.RESOURCE + "=true")
@javax.ws.rs.Path("/api/v1/plugins")
@Produces(MediaType.APPLICATION_JSON)
public final class PluginsResource {
    private static final Set<String> SORTS = Set.of("name", "createdAt", "updatedAt");
    /** Plugin jars larger than this are refused unread. */
    static final long MAX_UPLOAD_BYTES = 256L * 1024 * 1024;

    private final PluginManager plugins;

    @Activate
    public PluginsResource(@Reference PluginManager plugins) {
        this.plugins = plugins;
    }

    @GET
    public Map<String, Object> list(@Context SecurityContext security, @QueryParam("pluginType") String pluginType,
                                    @QueryParam("uninstalled") String uninstalled, @QueryParam("start") String start,
                                    @QueryParam("count") String count, @QueryParam("sort") String sort) {
        admin(security);
        PageRequest page = Paging.parse(start, count, sort, 15, "name", SORTS);
        boolean themes = type(pluginType) == 2;
        boolean onlyUninstalled = bool("uninstalled", uninstalled);
        List<InstalledPlugin> matching = themes ? List.of() : plugins.list(onlyUninstalled).stream()
                .filter(p -> p.uninstalled() == onlyUninstalled).sorted(order(page)).toList();
        List<Map<String, Object>> data = matching.stream().skip(page.start()).limit(page.count())
                .map(this::json).toList();
        return Map.of("total", matching.size(), "data", data);
    }

    /** PeerTube lists plugins of its npm index here; Vidiverse plugins come from Maven repositories: none listed. */
    @GET
    @javax.ws.rs.Path("available")
    public Map<String, Object> available(@Context SecurityContext security) {
        admin(security);
        return Map.of("total", 0, "data", List.of());
    }

    @GET
    @javax.ws.rs.Path("{npmName}")
    public Map<String, Object> get(@Context SecurityContext security, @PathParam("npmName") String npmName) {
        admin(security);
        return json(plugins.find(npmName).orElseThrow(() -> Problem.notFound("No plugin named " + npmName)));
    }

    @GET
    @javax.ws.rs.Path("{npmName}/registered-settings")
    public Map<String, Object> registeredSettings(@Context SecurityContext security,
                                                  @PathParam("npmName") String npmName) {
        admin(security);
        return Map.of("registeredSettings", PluginJson.registered(call(() -> plugins.registeredSettings(npmName))));
    }

    @GET
    @javax.ws.rs.Path("{npmName}/settings")
    public Map<String, Object> settings(@Context SecurityContext security, @PathParam("npmName") String npmName) {
        admin(security);
        return Map.of("settings", call(() -> plugins.settings(npmName)));
    }

    @PUT
    @javax.ws.rs.Path("{npmName}/settings")
    public Response updateSettings(@Context SecurityContext security, @PathParam("npmName") String npmName,
                                   @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        admin(security);
        Object settings = Bodies.fields(contentType, body).get("settings");
        if (!(settings instanceof Map<?, ?> values)) {
            throw Problem.invalidParam("settings", "settings must be an object of setting names to values");
        }
        Map<String, Object> given = new LinkedHashMap<>();
        values.forEach((key, value) -> given.put(String.valueOf(key), value));
        try {
            call(() -> plugins.updateSettings(npmName, given));
        } catch (InvalidPluginSettingsException e) {
            Map<String, String> params = new LinkedHashMap<>();
            e.problems().forEach((key, message) -> params.put("settings." + key, message));
            throw new Problem(400, String.join("; ", e.problems().values()), null, params);
        }
        return Response.noContent().build();
    }

    /** {@code {path}}: a jar on the server; {@code {npmName[, pluginVersion]}}: Maven coordinates. */
    @POST
    @javax.ws.rs.Path("install")
    public Map<String, Object> install(@Context SecurityContext security,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        admin(security);
        Map<String, Object> fields = Bodies.fields(contentType, body);
        return json(call(() -> plugins.install(source(fields, true))));
    }

    /** {@code {path}} or Maven {@code {npmName}} with a version: the new version of an installed plugin. */
    @POST
    @javax.ws.rs.Path("update")
    public Map<String, Object> update(@Context SecurityContext security,
                                      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        admin(security);
        Map<String, Object> fields = Bodies.fields(contentType, body);
        String name = text(fields, "npmName");
        PluginSource source = source(fields, false);
        return json(call(() -> plugins.update(source.jar() != null ? name : null, source)));
    }

    @POST
    @javax.ws.rs.Path("uninstall")
    public Response uninstall(@Context SecurityContext security,
                              @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        admin(security);
        String name = text(Bodies.fields(contentType, body), "npmName");
        if (name == null) {
            throw Problem.invalidParam("npmName", "npmName is required");
        }
        call(() -> {
            plugins.uninstall(name);
            return null;
        });
        return Response.noContent().build();
    }

    /**
     * A plugin jar uploaded as {@code multipart/form-data}: file field {@code pluginfile}; with a field
     * {@code update=true} it replaces the installed version of the same bundle.
     */
    @POST
    @javax.ws.rs.Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Map<String, Object> upload(@Context SecurityContext security, @Context HttpServletRequest request)
            throws IOException {
        admin(security);
        if (request.getContentLengthLong() > MAX_UPLOAD_BYTES) {
            throw new Problem(413, "A plugin jar may have at most " + MAX_UPLOAD_BYTES + " bytes", null, null);
        }
        List<Part> parts;
        try {
            parts = List.copyOf(request.getParts());
        } catch (ServletException | IllegalStateException e) {
            throw Problem.badRequest("The body is not a valid multipart/form-data upload: " + e.getMessage());
        }
        java.nio.file.Path jar = Files.createTempFile("vidiverse-plugin-upload", ".jar");
        try {
            Part file = parts.stream().filter(p -> "pluginfile".equals(p.getName()) && p.getSubmittedFileName() != null)
                    .findFirst().orElseThrow(() -> Problem.invalidParam("pluginfile", "pluginfile (the jar) is required"));
            boolean update = false;
            for (Part part : parts) {
                if ("update".equals(part.getName()) && part.getSubmittedFileName() == null) {
                    update = bool("update", new String(part.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.UTF_8).trim());
                }
            }
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            PluginSource source = PluginSource.jar(jar);
            boolean replace = update;
            return json(call(() -> replace ? plugins.update(null, source) : plugins.install(source)));
        } finally {
            Files.deleteIfExists(jar);
            for (Part part : parts) {
                part.delete();
            }
        }
    }

    // --- helpers

    private Map<String, Object> json(InstalledPlugin plugin) {
        Map<String, Object> settings = plugin.uninstalled() || plugin.settingPids().isEmpty() ? Map.of()
                : plugins.settings(plugin.name());
        return PluginJson.plugin(plugin, settings);
    }

    private static void admin(SecurityContext security) {
        Caller.requireRole(security, UserRole.ADMINISTRATOR);
    }

    static PluginSource source(Map<String, Object> fields, boolean installing) {
        String path = text(fields, "path");
        String npmName = text(fields, "npmName");
        String version = text(fields, "pluginVersion");
        if (path != null) {
            java.nio.file.Path jar = java.nio.file.Path.of(path);
            if (!jar.isAbsolute()) {
                throw Problem.invalidParam("path", "path must be absolute");
            }
            return PluginSource.jar(jar);
        }
        if (npmName == null) {
            throw Problem.invalidParam(installing ? "npmName" : "path", "Give path (a bundle jar on the server) or "
                    + "npmName (Maven coordinates groupId:artifactId:version)");
        }
        if (PluginSource.looksLikeFeature(npmName)) {
            try {
                return PluginSource.feature(version == null || npmName.contains("/") ? npmName : npmName + "/" + version);
            } catch (IllegalArgumentException e) {
                throw Problem.invalidParam("npmName", e.getMessage());
            }
        }
        String coordinates = npmName;
        if (version != null && !npmName.startsWith("mvn:") && npmName.split(":").length == 2) {
            coordinates = npmName + ":" + version;
        }
        if (!PluginSource.looksLikeMaven(coordinates)) {
            throw Problem.invalidParam("npmName", "Vidiverse plugins are OSGi bundles, not npm packages: npmName must "
                    + "be Maven coordinates groupId:artifactId:version (or groupId:artifactId with pluginVersion, or "
                    + "mvn:groupId/artifactId/version) or a feature (feature:name[/version]), or use path");
        }
        try {
            return PluginSource.maven(coordinates);
        } catch (IllegalArgumentException e) {
            throw Problem.invalidParam("npmName", e.getMessage());
        }
    }

    /** Runs a manager operation, turning its refusals into problem answers. */
    static <T> T call(java.util.function.Supplier<T> operation) {
        try {
            return operation.get();
        } catch (PluginInstallException e) {
            int status = switch (e.reason()) {
                case NOT_INSTALLED -> 404;
                case ALREADY_INSTALLED -> 409;
                default -> 400;
            };
            throw new Problem(status, e.getMessage(), "plugin_" + e.reason().name().toLowerCase(java.util.Locale.ROOT),
                    null);
        }
    }

    private static Comparator<InstalledPlugin> order(PageRequest page) {
        Comparator<InstalledPlugin> order = switch (page.sort()) {
            case "createdAt" -> Comparator.comparing(p -> p.installedAt() == null ? java.time.Instant.EPOCH : p.installedAt());
            case "updatedAt" -> Comparator.comparing(p -> p.updatedAt() == null ? java.time.Instant.EPOCH : p.updatedAt());
            default -> Comparator.comparing(InstalledPlugin::name);
        };
        return page.descending() ? order.reversed() : order;
    }

    private static int type(String pluginType) {
        if (pluginType == null || pluginType.isBlank()) {
            return 0;
        }
        return switch (pluginType.trim()) {
            case "1" -> 1;
            case "2" -> 2;
            default -> throw Problem.invalidParam("pluginType", "pluginType must be 1 (plugin) or 2 (theme)");
        };
    }

    private static boolean bool(String name, String value) {
        return Boolean.TRUE.equals(QueryParams.bool(name, value));
    }

    private static String text(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw Problem.invalidParam(name, name + " must be a string");
        }
        return text.trim();
    }
}
