package org.vidiverse.sample.supporters;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.vidiverse.api.monetization.SupportLink;

public class LinkCatalogueTest {
    @Test
    public void entriesBecomeLinksAndPointersPerChannel() {
        LinkCatalogue links = LinkCatalogue.parse(new String[] {
                "alice_channel|Tip jar|https://tips.example/alice",
                "Alice_Channel|$wallet.example/alice",
                "bob|Bob's pointer|$wallet.example/bob"});
        assertEquals(List.of(new SupportLink("link", "Tip jar", "https://tips.example/alice"),
                new SupportLink("payment-pointer", "Payment pointer", "$wallet.example/alice")),
                links.of("ALICE_channel"));
        assertEquals(List.of(new SupportLink("payment-pointer", "Bob's pointer", "$wallet.example/bob")),
                links.of("bob"));
        assertEquals(List.of(), links.of("carol"));
    }

    @Test
    public void theSupportUrlIsTheFirstWebPageElseThePointer() {
        LinkCatalogue links = LinkCatalogue.parse(new String[] {"a|$w.example/a", "a|Page|https://a.example",
                "b|$w.example/b"});
        assertEquals(Optional.of("https://a.example"), links.supportUrl("a"));
        assertEquals(Optional.of("$w.example/b"), links.supportUrl("b"));
        assertEquals(Optional.empty(), links.supportUrl("c"));
    }

    @Test
    public void oneValueMayHoldSeveralEntries() {
        LinkCatalogue links = LinkCatalogue.parse(new String[] {
                "a|Tip jar|https://a.example/?x=1,2, a|$w.example/a,b|https://b.example"});
        assertEquals(List.of(new SupportLink("link", "Tip jar", "https://a.example/?x=1,2"),
                new SupportLink("payment-pointer", "Payment pointer", "$w.example/a")), links.of("a"));
        assertEquals(List.of(new SupportLink("link", "Support", "https://b.example")), links.of("b"));
    }

    @Test
    public void malformedEntriesAreIgnored() {
        LinkCatalogue links = LinkCatalogue.parse(new String[] {"nochannel", "|https://x.example",
                "a|label|javascript:alert(1)", "a|b|c|d", "a|ftp://x", "a|Ok|https://ok.example"});
        assertEquals(List.of(new SupportLink("link", "Ok", "https://ok.example")), links.of("a"));
        assertEquals(List.of(), LinkCatalogue.parse(null).of("a"));
    }
}
