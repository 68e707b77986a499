package org.vidiverse.storage.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;
import org.vidiverse.storage.internal.SearchWords.Field;
import org.vidiverse.storage.internal.SearchWords.Occurrence;

public class SearchWordsTest {
    @Test
    public void wordsAreFoldedToLowerCaseWithoutAccents() {
        assertEquals(List.of("el", "nino", "creme", "brulee", "fin", "abc"),
                SearchWords.words("Él  Niño — CRÈME-brûlée; \uFB01n ＡＢＣ"));
        assertEquals(List.of("l", "eau", "42", "km"), SearchWords.words("L'eau: 42 km!"));
        assertEquals(List.of(), SearchWords.words(null));
    }

    @Test
    public void lettersOutsideTheBasicPlaneSplitWordsAndLongWordsAreCut() {
        assertEquals(List.of("ab", "cd"), SearchWords.words("ab\uD801\uDC00cd"));
        assertEquals(64, SearchWords.words("x".repeat(100)).get(0).length());
    }

    @Test
    public void occurrencesAreDistinctPerFieldAndSkipCommonWordsOfDescriptions() {
        List<Occurrence> rows = SearchWords.occurrences("The Cat and the cat", List.of("cat", "The"),
                "the cat of the house");
        assertEquals(List.of(new Occurrence("the", Field.NAME), new Occurrence("cat", Field.NAME),
                new Occurrence("and", Field.NAME), new Occurrence("cat", Field.TAG), new Occurrence("the", Field.TAG),
                new Occurrence("cat", Field.DESCRIPTION), new Occurrence("house", Field.DESCRIPTION)), rows);
    }

    @Test
    public void termsDropCommonWordsUnlessNothingElseIsLeftAndStopAtEight() {
        assertEquals(List.of("cat", "house"), SearchWords.terms("the cat of the house cat"));
        assertEquals(List.of("the", "of"), SearchWords.terms("The of"));
        assertEquals(8, SearchWords.terms("a1 a2 a3 a4 a5 a6 a7 a8 a9 a10").size());
        assertEquals(List.of(), SearchWords.terms("  -- "));
    }

    @Test
    public void upperBoundCoversPrefixesFromThreeLetters() {
        assertEquals("moup", SearchWords.upperBound("mouo"));
        String bound = SearchWords.upperBound("moun");
        assertTrue("mountain".compareTo(bound) < 0 && "moun".compareTo(bound) < 0 && "mouo".compareTo(bound) >= 0);
        String exact = SearchWords.upperBound("mo");
        assertTrue("mo".compareTo(exact) < 0 && "moa".compareTo(exact) >= 0);
    }
}
