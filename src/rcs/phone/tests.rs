use super::*;
use crate::rcs::codec;
use crate::rcs::issue::Code;

fn request(json: &str) -> SendRcsMessageRequest {
    let decoded = codec::parse(json).expect("json");
    assert!(decoded.issues.is_empty(), "{:?}", decoded.issues);
    decoded.request
}

fn codes(r: &Rendering) -> Vec<(Code, &str)> {
    r.findings
        .iter()
        .map(|f| (f.code, f.path.as_str()))
        .collect()
}

const TALL: &str = r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "VERTICAL",
    "CardContent": {"Title": "Winter sale", "Description": "Every coat 30% off, today only.",
        "Media": {"FileUrl": "s3://b/coat.jpg", "Height": "TALL"},
        "Suggestions": [{"Reply": {"Text": "Shop now", "PostbackData": "shop"}},
                        {"Reply": {"Text": "Not now", "PostbackData": "no"}}]}}}}}"#;

#[test]
fn a_tall_card_with_title_description_and_two_buttons_drops_both_buttons() {
    let r = Rendering::of(&request(TALL));
    let base = "RcsMessageContent.Content.RichCard.CardContent";
    assert_eq!(
        codes(&r),
        [
            (
                Code::PhoneSuggestionDropped,
                format!("{base}.Suggestions[0]").as_str()
            ),
            (
                Code::PhoneSuggestionDropped,
                format!("{base}.Suggestions[1]").as_str()
            ),
            (
                Code::PhoneIosMediaHeight,
                format!("{base}.Media.Height").as_str()
            ),
        ]
    );
    assert_eq!(
        r.findings[1].message(),
        "Button 2 is not shown: the card has no room for it."
    );
    let Body::Card(card) = &r.layout.body else {
        panic!("a card");
    };
    assert!(card.buttons.is_empty());
    assert_eq!(card.title, ["Winter sale"]);
    assert_eq!(card.media_height, dp::MEDIA_TALL);
    assert!(issues(&request(TALL)).iter().all(|i| !i.is_error()));
}

#[test]
fn a_card_that_fits_has_no_findings() {
    let fits = TALL.replace(r#", "Height": "TALL""#, "");
    let r = Rendering::of(&request(&fits));
    assert_eq!(codes(&r), []);
    let Body::Card(card) = &r.layout.body else {
        panic!("a card");
    };
    assert_eq!(card.buttons, ["Shop now", "Not now"]);
    assert_eq!(
        card.height,
        dp::MEDIA_MEDIUM
            + dp::CARD_PADDING
            + dp::TITLE_LINE
            + dp::BODY_LINE
            + 2.0 * dp::SUGGESTION_HEIGHT
    );
}

#[test]
fn carousel_cards_are_as_tall_as_the_first_and_say_so() {
    let card = |title: &str, buttons: usize| {
        let b: Vec<String> = (0..buttons)
            .map(|i| format!(r#"{{"Reply": {{"Text": "B{i}", "PostbackData": "p"}}}}"#))
            .collect();
        format!(
            r#"{{"Title": "{title}", "Media": {{"FileUrl": "s3://b/a.jpg", "Height": "MEDIUM"}}, "Suggestions": [{}]}}"#,
            b.join(",")
        )
    };
    let json = format!(
        r#"{{"RcsMessageContent": {{"Content": {{"Carousel": {{"CardWidth": "MEDIUM", "CardContents": [{}, {}, {}]}}}}}}}}"#,
        card("One", 1),
        card("Two", 2),
        card("Three", 2)
    );
    let r = Rendering::of(&request(&json));
    let Body::Carousel(c) = &r.layout.body else {
        panic!("a carousel");
    };
    assert!(c.cards.iter().all(|l| l.height == c.height));
    assert_eq!(c.cards[1].buttons.len(), 1);
    let merged = merge(&r.findings);
    let dropped: Vec<&Merged> = merged
        .iter()
        .filter(|m| m.code == Code::PhoneSuggestionDropped)
        .collect();
    assert_eq!(dropped.len(), 1, "{merged:?}");
    assert_eq!(
        dropped[0].message,
        "Cards 2 and 3: Button 2 is not shown: every card of a carousel is as tall as the first."
    );
    assert_eq!(
        dropped[0].paths,
        [
            "RcsMessageContent.Content.Carousel.CardContents[1].Suggestions[1]",
            "RcsMessageContent.Content.Carousel.CardContents[2].Suggestions[1]"
        ]
    );
}

#[test]
fn caveats_for_other_phones() {
    let json = r#"{"RcsMessageContent": {"Content": {"RichCard": {"CardOrientation": "HORIZONTAL",
        "CardContent": {"Description": "See www.example.com",
            "Media": {"FileUrl": "https://ex.com/a.GIF"}}}}}}"#;
    let r = Rendering::of(&request(json));
    let base = "RcsMessageContent.Content.RichCard";
    assert_eq!(
        codes(&r),
        [
            (
                Code::PhoneIosHorizontal,
                format!("{base}.CardOrientation").as_str()
            ),
            (
                Code::PhoneIosGif,
                format!("{base}.CardContent.Media.FileUrl").as_str()
            ),
            (
                Code::PhoneIosLink,
                format!("{base}.CardContent.Description").as_str()
            ),
        ]
    );
    let big = format!(
        r#"{{"RcsMessageContent": {{"Content": {{"TextMessage": {{"Body": "b"}}}}}}, "Context": {{{}}}}}"#,
        (0..5)
            .map(|i| format!(r#""k{i}": "{}""#, "x".repeat(60_000)))
            .collect::<Vec<_>>()
            .join(",")
    );
    let decoded = codec::parse(&big).expect("json").request;
    let r = Rendering::of(&decoded);
    assert_eq!(codes(&r), [(Code::PhoneMessageTooLarge, "")]);
    assert!(r.findings[0].what.contains("300 kB"), "{:?}", r.findings);
}

#[test]
fn text_bubbles_wrap_at_the_bubbles_width() {
    let r = Rendering::of(&request(
        r#"{"RcsMessageContent": {"Content": {"TextMessage": {"Body": "Your appointment is tomorrow at 10:00. Reply YES to confirm or NO to reschedule."}}}}"#,
    ));
    let Body::Text(b) = &r.layout.body else {
        panic!("a bubble");
    };
    assert!(b.lines.len() >= 2, "{b:?}");
    assert!(b.width <= dp::BUBBLE_MAX_WIDTH);
    assert!(r.findings.is_empty());
}

#[test]
fn cut_findings_without_a_layout_are_the_layouts() {
    for json in [TALL.to_owned(), TALL.replace(r#", "Height": "TALL""#, "")] {
        let r = request(&json);
        let laid = layout::lay_out(&r);
        assert_eq!(layout::cut_findings(&r), layout::findings(&r, &laid));
    }
    let cards: Vec<String> = (0..4)
        .map(|i| {
            format!(
                r#"{{"Title": "Card {i}", "Description": "{}", "Media": {{"FileUrl": "s3://b/a.jpg"}},
                "Suggestions": [{{"Reply": {{"Text": "Order a large one to go", "PostbackData": "o"}}}}]}}"#,
                "word ".repeat(i * 6)
            )
        })
        .collect();
    let r = request(&format!(
        r#"{{"RcsMessageContent": {{"Content": {{"Carousel": {{"CardWidth": "SMALL", "CardContents": [{}]}}}}}}}}"#,
        cards.join(",")
    ));
    let laid = layout::lay_out(&r);
    let found = layout::cut_findings(&r);
    assert!(found.len() > 4, "{found:?}");
    assert_eq!(found, layout::findings(&r, &laid));
}

/// A change to a request, as a keystroke or a click makes it.
type EditFn = Box<dyn Fn(&mut SendRcsMessageRequest)>;

/// Each edit in turn, as a keystroke would make it, on the largest legal message.
fn edits() -> Vec<EditFn> {
    fn cards(r: &mut SendRcsMessageRequest) -> &mut Vec<crate::rcs::model::CardContent> {
        r.rcs_message_content
            .as_mut()
            .and_then(|m| m.content.as_mut())
            .and_then(|c| c.carousel.as_mut())
            .and_then(|c| c.card_contents.as_mut())
            .expect("a carousel")
    }
    vec![
        Box::new(|r| {
            cards(r)[4].description = Some("Short now".into());
        }),
        // The first card sets every card's height: all are laid out again.
        Box::new(|r| {
            cards(r)[0].description = Some("One line".into());
            cards(r)[0].media = None;
        }),
        Box::new(|r| {
            cards(r)[7].title = Some("\"Quoted\" \\ 🧥".into());
        }),
        Box::new(|r| {
            cards(r).swap(2, 3);
        }),
        Box::new(|r| {
            cards(r).truncate(2);
        }),
        Box::new(|r| {
            if let Some(c) = r
                .rcs_message_content
                .as_mut()
                .and_then(|m| m.content.as_mut())
                .and_then(|c| c.carousel.as_mut())
            {
                c.card_width = Some("SMALL".into());
            }
        }),
        // Outside the cards: a chip's text, and a member of the request itself.
        Box::new(|r| {
            if let Some(base) = r
                .rcs_message_content
                .as_mut()
                .and_then(|m| m.suggestions.as_mut())
                .and_then(|s| s.first_mut())
                .and_then(|s| s.base_mut())
            {
                base.text = Some("Chip \"é\"".into());
            }
        }),
        Box::new(|r| r.max_price = Some("0.5".into())),
    ]
}

#[test]
fn a_layout_that_reuses_the_last_cards_is_the_layout_made_afresh() {
    let mut r = crate::rcs::samples::largest_legal_message();
    let mut memo = CardMemo::default();
    assert_eq!(Rendering::of_with(&r, &mut memo), Rendering::of(&r));
    for edit in edits() {
        edit(&mut r);
        assert_eq!(Rendering::of_with(&r, &mut memo), Rendering::of(&r));
        let json = serde_json::to_string(&codec::to_value(&r))
            .expect("json")
            .len();
        assert_eq!(memo.json_len(&r), json);
        // Asked twice without a change: the remembered cards give the same answer.
        assert_eq!(memo.json_len(&r), json);
    }
}
