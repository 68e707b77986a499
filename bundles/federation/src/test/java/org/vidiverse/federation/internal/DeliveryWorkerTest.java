package org.vidiverse.federation.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;
import org.vidiverse.federation.internal.http.RemoteException;

public class DeliveryWorkerTest {

    @Test
    public void deliveriesAreRetriedWhileTheRemoteMayComeBack() {
        assertTrue(DeliveryWorker.worthRetrying(new RemoteException(RemoteException.Kind.IO, "connection refused")));
        assertTrue(DeliveryWorker.worthRetrying(new RemoteException(RemoteException.Kind.TIMEOUT, "slow")));
        assertTrue(DeliveryWorker.worthRetrying(RemoteException.httpStatus(503, "starting")));
        assertTrue("an instance starting up has no inbox yet",
                DeliveryWorker.worthRetrying(RemoteException.httpStatus(404, "no inbox yet")));
    }

    @Test
    public void refusalsAreFinal() {
        assertFalse(DeliveryWorker.worthRetrying(RemoteException.httpStatus(401, "bad signature")));
        assertFalse(DeliveryWorker.worthRetrying(RemoteException.httpStatus(403, "blocked")));
        assertFalse(DeliveryWorker.worthRetrying(RemoteException.httpStatus(410, "gone")));
        assertFalse(DeliveryWorker.worthRetrying(new RemoteException(RemoteException.Kind.REFUSED_ADDRESS, "private")));
    }
}
