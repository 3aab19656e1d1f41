//! Replacements that keep the case of what they replace, shared by the
//! kinds that suggest a word (`substitution`, `consistency`).

/// Gives the replacement the case of the text it replaces: "Utilize" ->
/// "Use", "UTILIZE" -> "USE".
pub fn match_case(found: &str, to: &str) -> String {
    let letters = found.chars().filter(|c| c.is_alphabetic());
    let all_upper = found.chars().filter(|c| c.is_alphabetic()).count() > 1
        && letters.clone().all(char::is_uppercase);
    if all_upper {
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
}
