package org.vidiverse.federation.internal.http;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.vidiverse.federation.internal.http.RemoteException.Kind;

public class RemoteExceptionTest {
    @Test
    public void timeoutsIoFailures5xxThrottlingAndRequestTimeoutAreRetryable() {
        assertTrue(new RemoteException(Kind.TIMEOUT, "t").retryable());
        assertTrue(new RemoteException(Kind.IO, "io").retryable());
        for (int status : new int[] {500, 502, 503, 504, 599, 429, 408}) {
            assertTrue("status " + status, RemoteException.httpStatus(status, "s").retryable());
        }
    }

    @Test
    public void otherClientErrorsAndLocalRefusalsAreNot() {
        for (int status : new int[] {400, 401, 403, 404, 410, 413, 301, 308}) {
            assertFalse("status " + status, RemoteException.httpStatus(status, "s").retryable());
        }
        for (Kind kind : new Kind[] {Kind.REFUSED_ADDRESS, Kind.BAD_URL, Kind.TOO_LARGE, Kind.TOO_MANY_REDIRECTS}) {
            assertFalse(kind.name(), new RemoteException(kind, "k").retryable());
        }
    }

    @Test
    public void statusIsZeroUnlessItIsAnHttpStatus() {
        assertEquals(0, new RemoteException(Kind.IO, "io").status());
        RemoteException gone = RemoteException.httpStatus(410, "gone");
        assertEquals(Kind.HTTP_STATUS, gone.kind());
        assertEquals(410, gone.status());
    }
}
