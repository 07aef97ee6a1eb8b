//! JSON values as Python literals that evaluate to the same value: what boto3 is given is
//! what `json.loads` would have made of the request JSON.
//!
//! Strings keep their characters (emoji stay readable) and escape only what a Python string
//! literal cannot hold or a reader cannot see: backslash, quote and control characters.
//! Floats are written so that Python reads a float (`47.0`, never `47`), since boto3 sends
//! an `int` without the fraction and the SDK would not.

use std::fmt::Write;

use serde_json::Value;

const INDENT: &str = "    ";

/// `value` as an indented Python literal (dicts keep their key order).
#[must_use]
pub fn literal(value: &Value) -> String {
    let mut out = String::new();
    write_value(&mut out, value, 0);
    out
}

fn write_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(b) => out.push_str(if *b { "True" } else { "False" }),
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                // Debug prints the shortest text that reads back as the same f64, always with
                // a fraction or an exponent, which Python reads as a float too.
                let _ = write!(out, "{f:?}");
            } else {
                let _ = write!(out, "{n}");
            }
        }
        Value::String(s) => string(out, s),
        Value::Array(items) => {
            container(out, "[", "]", items.iter().map(|v| (None, v)), depth);
        }
        Value::Object(map) => {
            container(
                out,
                "{",
                "}",
                map.iter().map(|(k, v)| (Some(k.as_str()), v)),
                depth,
            );
        }
    }
}

fn container<'a>(
    out: &mut String,
    open: &str,
    close: &str,
    items: impl ExactSizeIterator<Item = (Option<&'a str>, &'a Value)>,
    depth: usize,
) {
    out.push_str(open);
    if items.len() == 0 {
        out.push_str(close);
        return;
    }
    out.push('\n');
    for (key, value) in items {
        out.push_str(&INDENT.repeat(depth + 1));
        if let Some(key) = key {
            string(out, key);
            out.push_str(": ");
        }
        write_value(out, value, depth + 1);
        out.push_str(",\n");
    }
    out.push_str(&INDENT.repeat(depth));
    out.push_str(close);
}

/// A double-quoted Python string literal.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Control characters, and the two separators some editors break lines at.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn writes_an_indented_literal_in_key_order() {
        let value = json!({"B": [1, true, null], "A": {}, "C": []});
        assert_eq!(
            literal(&value),
            "{\n    \"B\": [\n        1,\n        True,\n        None,\n    ],\n    \"A\": {},\n    \"C\": [],\n}"
        );
    }

    #[test]
    fn floats_stay_floats_and_read_back_exactly() {
        let value: Value = serde_json::from_str("[47.0, -0.1278, 1e-7, 1.5e300, -3]").unwrap();
        assert_eq!(
            literal(&value),
            "[\n    47.0,\n    -0.1278,\n    1e-7,\n    1.5e300,\n    -3,\n]"
        );
    }

    #[test]
    fn strings_escape_only_what_python_needs() {
        let value =
            json!("a \"quote\", a \\ backslash\nline\ttab\u{7}bell \u{85}nel \u{2028} 🧥 é");
        assert_eq!(
            literal(&value),
            r#""a \"quote\", a \\ backslash\nline\ttab\u0007bell \u0085nel \u2028 🧥 é""#
        );
    }
}
