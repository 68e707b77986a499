package org.vidiverse.storage.internal;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Resource-local transactions over the {@code vidiverse} persistence unit: one EntityManager and transaction per
 * outermost call on a thread, joined by nested calls; any exception rolls back and is rethrown as is.
 *
 * <p>Why our own: Aries JPA's support bundle decides between its resource-local and JTA templates by calling
 * {@code EntityManagerFactory.getProperties()}, which throws inside OpenJPA 3.2.2; Aries then falls back to JTA
 * and, without a transaction manager, never registers a template. The stores bind to this one by its
 * {@value #TX_PROPERTY} property.
 */
@Component(service = JpaTemplate.class,
        property = {"osgi.unit.name=" + ResourceLocalJpaTemplate.UNIT, ResourceLocalJpaTemplate.TX_PROPERTY + "=resource-local"})
public final class ResourceLocalJpaTemplate implements JpaTemplate {
    static final String UNIT = "vidiverse";
    static final String TX_PROPERTY = "vidiverse.tx";
    /** The target every store uses for its JpaTemplate reference. */
    static final String TARGET = "(&(osgi.unit.name=vidiverse)(vidiverse.tx=resource-local))";

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    @Activate
    public ResourceLocalJpaTemplate(@Reference(target = "(osgi.unit.name=" + UNIT + ")") EntityManagerFactory emf) {
        this.emf = emf;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager joined = current.get();
        if (joined != null && type != TransactionType.RequiresNew) {
            return code.apply(joined);
        }
        EntityManager em = emf.createEntityManager();
        current.set(em);
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
            if (joined == null) {
                current.remove();
            } else {
                current.set(joined);
            }
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
