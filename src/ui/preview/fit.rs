//! How Google Messages fits a card's content into its height budget (rcs-reference.md §2):
//! when it does not fit, it cuts in this order — description to one line, title to one line,
//! suggestions from the end, the description, the title.

use crate::ui::theme::dp;

/// What a card needs before fitting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardNeeds {
    /// Media height in dp stacked above the text (0 for none, or beside the text).
    pub media: f32,
    pub title_rows: usize,
    pub description_rows: usize,
    pub suggestions: usize,
}

/// What is shown after fitting, and what was cut.
#[derive(Debug, Clone, PartialEq)]
pub struct CardFit {
    pub title_rows: usize,
    pub description_rows: usize,
    pub suggestions: usize,
    pub height: f32,
    pub cuts: Vec<String>,
}

impl CardFit {
    #[must_use]
    pub fn is_cut(&self) -> bool {
        !self.cuts.is_empty()
    }
}

#[expect(clippy::cast_precision_loss, reason = "row and button counts are tiny")]
fn height(media: f32, title: usize, description: usize, suggestions: usize) -> f32 {
    let has_body = title + description + suggestions > 0;
    let body = if has_body { dp::CARD_PADDING } else { 0.0 }
        + title as f32 * dp::TITLE_LINE
        + description as f32 * dp::BODY_LINE
        + suggestions as f32 * dp::SUGGESTION_HEIGHT;
    (media + body).max(dp::CARD_MIN_HEIGHT)
}

/// Fits a card into `budget` dp.
#[must_use]
pub fn fit(needs: CardNeeds, budget: f32) -> CardFit {
    let CardNeeds { media, .. } = needs;
    let (mut t, mut d, mut s) = (needs.title_rows, needs.description_rows, needs.suggestions);
    let mut cuts = Vec::new();
    let fits = |t, d, s| height(media, t, d, s) <= budget;
    if !fits(t, d, s) && d > 1 {
        d = 1;
        cuts.push("description cut to one line".to_owned());
    }
    if !fits(t, d, s) && t > 1 {
        t = 1;
        cuts.push("title cut to one line".to_owned());
    }
    let before = s;
    while !fits(t, d, s) && s > 0 {
        s -= 1;
    }
    if s < before {
        let n = before - s;
        cuts.push(format!(
            "{n} {} dropped",
            if n == 1 { "suggestion" } else { "suggestions" }
        ));
    }
    if !fits(t, d, s) && d > 0 {
        d = 0;
        cuts.push("description dropped".to_owned());
    }
    if !fits(t, d, s) && t > 0 {
        t = 0;
        cuts.push("title dropped".to_owned());
    }
    CardFit {
        title_rows: t,
        description_rows: d,
        suggestions: s,
        height: height(media, t, d, s).min(budget.max(dp::CARD_MIN_HEIGHT)),
        cuts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn needs(media: f32, suggestions: usize) -> CardNeeds {
        CardNeeds {
            media,
            title_rows: 1,
            description_rows: 1,
            suggestions,
        }
    }

    #[test]
    fn the_references_rough_fit_holds() {
        let max = dp::CARD_MAX_HEIGHT;
        // TALL leaves room for title + description, or one suggestion.
        assert!(!fit(needs(dp::MEDIA_TALL, 0), max).is_cut());
        let tall_one = CardNeeds {
            title_rows: 0,
            description_rows: 0,
            ..needs(dp::MEDIA_TALL, 1)
        };
        assert!(!fit(tall_one, max).is_cut());
        assert_eq!(fit(needs(dp::MEDIA_TALL, 1), max).suggestions, 0);
        // MEDIUM: up to two suggestions; SHORT: up to three; four only without media.
        assert_eq!(fit(needs(dp::MEDIA_MEDIUM, 4), max).suggestions, 2);
        assert_eq!(fit(needs(dp::MEDIA_SHORT, 4), max).suggestions, 3);
        assert_eq!(fit(needs(0.0, 4), max).suggestions, 4);
    }

    #[test]
    fn cuts_in_order() {
        let long = CardNeeds {
            media: dp::MEDIA_MEDIUM,
            title_rows: 3,
            description_rows: 6,
            suggestions: 2,
        };
        let f = fit(long, dp::CARD_MAX_HEIGHT);
        assert_eq!(
            f.cuts,
            ["description cut to one line", "title cut to one line"]
        );
        assert_eq!((f.title_rows, f.description_rows, f.suggestions), (1, 1, 2));
        let f = fit(long, 230.0);
        assert_eq!(
            f.cuts,
            [
                "description cut to one line",
                "title cut to one line",
                "2 suggestions dropped"
            ]
        );
        let f = fit(long, 210.0);
        assert_eq!(
            f.cuts.last().map(String::as_str),
            Some("description dropped")
        );
        let f = fit(long, 170.0);
        assert_eq!(f.cuts.last().map(String::as_str), Some("title dropped"));
        assert!(f.height <= 170.0);
    }
}
