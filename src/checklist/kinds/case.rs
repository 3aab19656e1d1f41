//! Replacements that keep the case of what they replace, shared by the
//! kinds that suggest a word (`substitution`, `consistency`).

/// Gives the replacement the case of the text it replaces: "Utilize" ->
/// "Use", "UTILIZE" -> "USE".
pub fn match_case(found: &str, to: &str) -> String {
    if all_capitals(found) {
        return to.to_uppercase();
    }
    let mut chars = found.chars();
    match (chars.next(), to.chars().next()) {
        (Some(f), Some(t)) if f.is_uppercase() && t.is_lowercase() => {
            let mut out: String = t.to_uppercase().collect();
            out.push_str(&to[t.len_utf8()..]);
            out
        }
        _ => to.to_owned(),
    }
}

/// Whether a rule that suggests `to` for `from` states the casing itself,
/// so the suggestion must be `to` exactly, whatever the case of the match:
/// `to` has a capital inside a word ("iPhone", "GitHub", "macOS"), or it
/// differs from `from` only in case ("Postlint" -> "postlint"). Decided once,
/// when the rule is compiled.
pub fn states_case(from: &str, to: &str) -> bool {
    let case_only = from != to
        && from
            .chars()
            .flat_map(char::to_lowercase)
            .eq(to.chars().flat_map(char::to_lowercase));
    case_only || has_inner_capital(to)
}

/// A capital after the first letter of a word that also has lowercase
/// letters: "iPhone", "GitHub", "Wi-Fi", but not "Use", "New York" or "USA".
fn has_inner_capital(s: &str) -> bool {
    s.split_whitespace().any(|word| {
        word.chars().any(char::is_lowercase)
            && word
                .chars()
                .skip_while(|c| !c.is_alphabetic())
                .skip(1)
                .any(char::is_uppercase)
    })
}

/// How a suggestion takes its case; decided once per rule entry, when the
/// rule is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Casing {
    /// The replacement exactly as written: the rule states its case.
    AsWritten,
    /// The case of the match (`match_case`). When the rule spells what it
    /// matches in capitals ("OK", "ASAP"), a match in capitals is that
    /// spelling, not shouting, and gets the replacement as written.
    OfMatch { spelled_in_capitals: bool },
}

impl Casing {
    /// For a rule that suggests `to` where it finds `from`.
    pub fn of(from: &str, to: &str) -> Casing {
        if states_case(from, to) {
            Casing::AsWritten
        } else {
            Casing::OfMatch {
                spelled_in_capitals: all_capitals(from),
            }
        }
    }

    /// The text to suggest for `found`.
    pub fn apply(self, found: &str, to: &str) -> String {
        match self {
            Casing::OfMatch {
                spelled_in_capitals: true,
            } if all_capitals(found) => to.to_owned(),
            Casing::AsWritten => to.to_owned(),
            Casing::OfMatch { .. } => match_case(found, to),
        }
    }
}

/// Two letters or more, all capitals: "OK", "ASAP", "UTILIZE".
fn all_capitals(s: &str) -> bool {
    let mut letters = 0;
    s.chars().filter(|c| c.is_alphabetic()).all(|c| {
        letters += 1;
        c.is_uppercase()
    }) && letters > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_the_original() {
        assert_eq!(match_case("utilize", "use"), "use");
        assert_eq!(match_case("Utilize", "use"), "Use");
        assert_eq!(match_case("UTILIZE", "use"), "USE");
        assert_eq!(match_case("In order to", "to"), "To");
        assert_eq!(match_case("github", "GitHub"), "GitHub");
    }

    #[test]
    fn a_rule_states_case_with_inner_capitals_or_a_case_only_change() {
        for (from, to) in [
            ("Iphone", "iPhone"),
            ("github", "GitHub"),
            ("mac os", "macOS"),
            ("wifi", "Wi-Fi"),
            ("Postlint", "postlint"),
            ("NPM", "npm"),
            ("Javascript", "JavaScript"),
            ("new york", "New York"),
        ] {
            assert!(states_case(from, to), "{from} -> {to}");
        }
        for (from, to) in [
            ("utilize", "use"),
            ("in order to", "to"),
            ("nyc", "New York"),
            ("usa", "United States"),
            ("e-mail", "email"),
            ("covid", "COVID-19"),
            ("use", "use"),
        ] {
            assert!(!states_case(from, to), "{from} -> {to}");
        }
    }

    #[test]
    fn a_stated_case_wins_over_the_match() {
        let apply = |from: &str, to: &str, found: &str| Casing::of(from, to).apply(found, to);
        assert_eq!(apply("Iphone", "iPhone", "Iphone"), "iPhone");
        assert_eq!(apply("Iphone", "iPhone", "IPHONE"), "iPhone");
        assert_eq!(apply("Postlint", "postlint", "Postlint"), "postlint");
        assert_eq!(apply("utilize", "use", "Utilize"), "Use");
        assert_eq!(apply("utilize", "use", "UTILIZE"), "USE");
        assert_eq!(apply("utilize", "use", "utilize"), "use");
    }

    #[test]
    fn a_spelling_in_capitals_is_not_shouting() {
        let apply = |from: &str, to: &str, found: &str| Casing::of(from, to).apply(found, to);
        assert_eq!(apply("OK", "okay", "OK"), "okay");
        assert_eq!(apply("OK", "okay", "Ok"), "Okay");
        assert_eq!(apply("ASAP", "soon", "asap"), "soon");
        assert!(!all_capitals("A") && !all_capitals("") && !all_capitals("Ok"));
        assert!(all_capitals("OK") && all_capitals("E-MAIL"));
    }
}
