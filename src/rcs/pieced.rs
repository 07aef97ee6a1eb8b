//! Test texts for fast searches checked against plain ones: every text made of up to three
//! given pieces, so that what is looked for stands at the start, at the end, split across
//! pieces or almost whole.

/// Every text of at most `count` of `pieces`, the empty one included.
#[must_use]
pub fn texts_of(pieces: &[&str], count: usize) -> Vec<String> {
    let mut texts = vec![String::new()];
    let mut last = texts.clone();
    for _ in 0..count {
        last = last
            .iter()
            .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
            .collect();
        texts.extend(last.iter().cloned());
    }
    texts
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_text_of_up_to_the_count_is_made_once() {
        let texts = super::texts_of(&["a", "b"], 2);
        assert_eq!(texts, ["", "a", "b", "aa", "ab", "ba", "bb"]);
    }
}
