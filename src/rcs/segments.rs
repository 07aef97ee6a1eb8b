//! SMS fallback segment counting (docs/phone-rendering.md, "SMS fallback segments").

/// The encoding a fallback SMS body travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Gsm7,
    Ucs2,
}

impl Encoding {
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            Self::Gsm7 => "GSM-7",
            Self::Ucs2 => "UCS-2",
        }
    }
}

/// How a body splits into SMS segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segments {
    pub encoding: Encoding,
    /// Septets for GSM-7 (extension characters count 2), UTF-16 units for UCS-2.
    pub units: usize,
    pub count: usize,
    /// Units per segment at this length: 160/153 for GSM-7, 70/67 for UCS-2.
    pub per_segment: usize,
}

const GSM_SINGLE: usize = 160;
const GSM_MULTI: usize = 153;
const UCS2_SINGLE: usize = 70;
const UCS2_MULTI: usize = 67;

/// The GSM 03.38 basic character set.
const GSM_BASIC: &str = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/// The extension table, reached through an escape: each costs two septets.
const GSM_EXTENDED: &str = "^{}\\[~]|€\u{c}";

/// Septets a character costs in GSM-7, or `None` when it is outside GSM-7.
fn gsm_septets(c: char) -> Option<usize> {
    if GSM_BASIC.contains(c) {
        Some(1)
    } else if GSM_EXTENDED.contains(c) {
        Some(2)
    } else {
        None
    }
}

/// Counts the segments of an SMS body.
#[must_use]
pub fn count(body: &str) -> Segments {
    let septets: Option<usize> = body.chars().map(gsm_septets).sum();
    let (encoding, units, single, multi) = match septets {
        Some(n) => (Encoding::Gsm7, n, GSM_SINGLE, GSM_MULTI),
        None => (
            Encoding::Ucs2,
            body.encode_utf16().count(),
            UCS2_SINGLE,
            UCS2_MULTI,
        ),
    };
    let (count, per_segment) = if units <= single {
        (usize::from(units > 0), single)
    } else {
        (units.div_ceil(multi), multi)
    };
    Segments {
        encoding,
        units,
        count,
        per_segment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gsm_boundaries() {
        assert_eq!(count(&"a".repeat(160)).count, 1);
        assert_eq!(count(&"a".repeat(161)).count, 2);
        assert_eq!(count(&"a".repeat(306)).count, 2);
        assert_eq!(count(&"a".repeat(307)).count, 3);
        assert_eq!(count("").count, 0);
    }

    #[test]
    fn extension_characters_cost_two() {
        let s = count(&"€".repeat(80));
        assert_eq!((s.encoding, s.units, s.count), (Encoding::Gsm7, 160, 1));
        assert_eq!(count(&"€".repeat(81)).count, 2);
    }

    #[test]
    fn anything_else_switches_to_ucs2() {
        let s = count(&format!("{}ł", "a".repeat(69)));
        assert_eq!((s.encoding, s.count), (Encoding::Ucs2, 1));
        assert_eq!(count(&"a".repeat(70).replace('a', "ł")).count, 1);
        assert_eq!(count(&"ł".repeat(71)).count, 2);
        assert_eq!(count(&"ł".repeat(134)).count, 2);
        assert_eq!(count(&"ł".repeat(135)).count, 3);
        // An emoji is two UTF-16 units.
        let s = count(&"😀".repeat(35));
        assert_eq!((s.units, s.count), (70, 1));
        assert_eq!(count(&"😀".repeat(36)).count, 2);
    }
}
