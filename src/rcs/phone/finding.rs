//! What the phone does to a message that its author may not expect: a finding names the field
//! (AWS member path), says what happens in plain words, and carries the card and button it
//! concerns so that repeated carousel findings can be merged into one line.

use crate::rcs::issue::{Code, Issue};

/// One thing a recipient's phone does differently from what the template says. Always a
/// warning: the service accepts the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: Code,
    /// AWS member path of the field concerned (empty: the message as a whole).
    pub path: String,
    /// The carousel card it concerns (0-based), `None` outside a carousel.
    pub card: Option<usize>,
    /// The card button (suggestion) it concerns (0-based).
    pub button: Option<usize>,
    /// What happens, without naming the card: "Button 2 is not shown: …".
    pub what: String,
}

impl Finding {
    /// The message as a line of its own, naming the card in a carousel.
    #[must_use]
    pub fn message(&self) -> String {
        match self.card {
            Some(card) => format!("Card {}: {}", card + 1, self.what),
            None => self.what.clone(),
        }
    }

    /// The finding as a validator-style issue: a warning at its path.
    #[must_use]
    pub fn to_issue(&self) -> Issue {
        Issue::warning(self.path.clone(), self.code, self.message())
    }

    /// The finding as a warning under its field in the editor, which already sits in its
    /// card: the card is not named again.
    #[must_use]
    pub fn at_field(&self) -> Issue {
        Issue::warning(self.path.clone(), self.code, self.what.clone())
    }
}

impl From<Finding> for Issue {
    fn from(f: Finding) -> Self {
        f.to_issue()
    }
}

/// Findings that differ only in their carousel card, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    pub code: Code,
    /// The cards concerned (0-based, ascending); empty outside a carousel.
    pub cards: Vec<usize>,
    pub button: Option<usize>,
    /// "Cards 2, 3 and 5: Button 2 is not shown: …".
    pub message: String,
    /// What happens, without naming the cards: "Button 2 is not shown: …".
    pub what: String,
    /// The paths of the merged findings, one per card.
    pub paths: Vec<String>,
}

/// Merges findings with the same code, button and wording across carousel cards, in the
/// order each first appears.
#[must_use]
pub fn merge(findings: &[Finding]) -> Vec<Merged> {
    let mut out: Vec<Merged> = Vec::new();
    for f in findings {
        let same = out.iter_mut().find(|m| {
            f.card.is_some()
                && !m.cards.is_empty()
                && m.code == f.code
                && m.button == f.button
                && m.what == f.what
        });
        match same {
            Some(m) => {
                if let Some(card) = f.card
                    && !m.cards.contains(&card)
                {
                    m.cards.push(card);
                }
                m.paths.push(f.path.clone());
            }
            None => out.push(Merged {
                code: f.code,
                cards: f.card.into_iter().collect(),
                button: f.button,
                message: String::new(),
                what: f.what.clone(),
                paths: vec![f.path.clone()],
            }),
        }
    }
    for m in &mut out {
        m.cards.sort_unstable();
        m.message = match m.cards_named() {
            None => m.what.clone(),
            Some(cards) => format!("{cards}: {}", m.what),
        };
    }
    out
}

impl Merged {
    /// The cards as a list names them: "Card 3", "Cards 2–10"; `None` outside a carousel.
    #[must_use]
    pub fn cards_named(&self) -> Option<String> {
        match self.cards.as_slice() {
            [] => None,
            [one] => Some(format!("Card {}", one + 1)),
            many => Some(format!("Cards {}", list(many))),
        }
    }
}

/// "1, 2 and 5" (1-based), with runs of three or more as "1–4".
fn list(cards: &[usize]) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut i = 0;
    while i < cards.len() {
        let mut j = i;
        while j + 1 < cards.len() && cards[j + 1] == cards[j] + 1 {
            j += 1;
        }
        if j >= i + 2 {
            parts.push(format!("{}–{}", cards[i] + 1, cards[j] + 1));
        } else {
            parts.extend((i..=j).map(|k| (cards[k] + 1).to_string()));
        }
        i = j + 1;
    }
    match parts.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => parts.concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(card: Option<usize>, button: usize) -> Finding {
        let base = card.map_or_else(
            || "RcsMessageContent.Content.RichCard.CardContent".to_owned(),
            |c| format!("RcsMessageContent.Content.Carousel.CardContents[{c}]"),
        );
        Finding {
            code: Code::PhoneSuggestionDropped,
            path: format!("{base}.Suggestions[{button}]"),
            card,
            button: Some(button),
            what: format!("Button {} is not shown.", button + 1),
        }
    }

    #[test]
    fn repeated_carousel_findings_become_one_line_naming_the_cards() {
        let findings = [
            dropped(Some(1), 1),
            dropped(Some(2), 1),
            dropped(Some(1), 2),
            dropped(Some(3), 1),
            dropped(Some(6), 1),
            dropped(Some(8), 1),
        ];
        let merged = merge(&findings);
        assert_eq!(merged.len(), 2);
        assert_eq!(
            merged[0].message,
            "Cards 2–4, 7 and 9: Button 2 is not shown."
        );
        assert_eq!(merged[0].cards, [1, 2, 3, 6, 8]);
        assert_eq!(merged[0].paths.len(), 5);
        assert_eq!(
            merged[0].cards_named().as_deref(),
            Some("Cards 2–4, 7 and 9")
        );
        assert_eq!(merged[0].what, "Button 2 is not shown.");
        assert_eq!(merged[1].message, "Card 2: Button 3 is not shown.");
        assert_eq!(merged[1].button, Some(2));
    }

    #[test]
    fn findings_outside_a_carousel_stay_apart() {
        let findings = [dropped(None, 0), dropped(None, 0), dropped(Some(0), 0)];
        let merged = merge(&findings);
        assert_eq!(merged.len(), 3);
        assert_eq!(merged[0].message, "Button 1 is not shown.");
        assert!(merged[0].cards.is_empty());
        assert_eq!(merged[2].message, "Card 1: Button 1 is not shown.");
        assert_eq!(list(&[0, 1]), "1 and 2");
        assert_eq!(list(&[4]), "5");
    }

    #[test]
    fn a_finding_is_a_warning_at_its_path() {
        let issue: Issue = dropped(Some(2), 1).into();
        assert!(!issue.is_error());
        assert_eq!(issue.code.as_str(), "phone-suggestion-dropped");
        assert_eq!(
            issue.path,
            "RcsMessageContent.Content.Carousel.CardContents[2].Suggestions[1]"
        );
        assert_eq!(issue.message, "Card 3: Button 2 is not shown.");
    }
}
