package org.vidiverse.api.model;

/** The ActivityPub type of an actor: a user's account, a channel, or the instance itself. */
public enum ActorType {
    PERSON,
    GROUP,
    APPLICATION
}
