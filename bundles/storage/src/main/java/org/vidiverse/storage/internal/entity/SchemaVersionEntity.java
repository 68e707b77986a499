package org.vidiverse.storage.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** One applied migration step; the highest version is the schema version. */
@Entity
@Table(name = "schema_version")
public class SchemaVersionEntity {
    @Id
    @Column(name = "version")
    private int version;

    @Column(name = "description", nullable = false, length = 255)
    private String description;

    @Temporal(TemporalType.TIMESTAMP)
    @Column(name = "applied_at", nullable = false)
    private Date appliedAt;

    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Date getAppliedAt() { return appliedAt; }
    public void setAppliedAt(Date appliedAt) { this.appliedAt = appliedAt; }
}
