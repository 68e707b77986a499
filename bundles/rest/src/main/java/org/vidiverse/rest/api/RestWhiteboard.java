package org.vidiverse.rest.api;

/** Service properties that publish JAX-RS objects on the instance's HTTP port. */
public final class RestWhiteboard {
    /** Set to {@code true} on a service whose object is a JAX-RS root resource (class annotated {@code @Path}). */
    public static final String RESOURCE = "vidiverse.jaxrs.resource";
    /** Set to {@code true} on a service whose object is a JAX-RS provider (filter, mapper, body reader/writer). */
    public static final String PROVIDER = "vidiverse.jaxrs.provider";

    private RestWhiteboard() {
    }
}
