package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * An incoming activity that was processed, so that a replay of it is recognised. The key is the SHA-256 of the
 * activity id in hex: fixed width, whatever the length of the id, and the primary key makes two concurrent inserts
 * of one id fail for all but the first. Rows older than the retention are pruned.
 */
@Entity
@Table(name = "received_activity", indexes = @Index(name = "idx_received_activity_at", columnList = "received_at"))
public class ReceivedActivityEntity {
    @Id
    @Column(name = "id_sha256", length = 64)
    private String idSha256;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "received_at", nullable = false)
    private Date receivedAt;

    public ReceivedActivityEntity() {
    }

    public ReceivedActivityEntity(String idSha256, Date receivedAt) {
        this.idSha256 = idSha256;
        this.receivedAt = receivedAt;
    }

    public String getIdSha256() { return idSha256; }
    public Date getReceivedAt() { return receivedAt; }
}
