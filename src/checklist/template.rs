//! Rule messages: `{name}` placeholders checked against what the rule's
//! kind provides when the checklist is loaded, filled per finding.

/// A message with `{name}` placeholders, checked against the names the
/// rule's kind provides when the checklist is loaded.
#[derive(Debug, Clone)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone)]
enum Part {
    Text(String),
    Var(String),
}

impl Template {
    pub fn parse(text: &str, allowed: &[&str]) -> Result<Self, String> {
        let mut parts = Vec::new();
        let mut rest = text;
        let mut literal = String::new();
        while let Some(i) = rest.find(['{', '}']) {
            literal.push_str(&rest[..i]);
            let c = rest.as_bytes()[i];
            rest = &rest[i + 1..];
            if rest.as_bytes().first() == Some(&c) {
                literal.push(c as char);
                rest = &rest[1..];
                continue;
            }
            if c == b'}' {
                return Err("unmatched `}` in message; write `}}` for a literal brace".into());
            }
            let end = rest
                .find('}')
                .ok_or("unclosed `{` in message; write `{{` for a literal brace")?;
            let name = &rest[..end];
            if !allowed.contains(&name) {
                return Err(format!(
                    "unknown placeholder `{{{name}}}` in message; this kind offers {}",
                    if allowed.is_empty() {
                        "none".to_owned()
                    } else {
                        allowed
                            .iter()
                            .map(|a| format!("{{{a}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                ));
            }
            if !literal.is_empty() {
                parts.push(Part::Text(std::mem::take(&mut literal)));
            }
            parts.push(Part::Var(name.to_owned()));
            rest = &rest[end + 1..];
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            parts.push(Part::Text(literal));
        }
        Ok(Self { parts })
    }

    pub fn render(&self, vars: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => {
                    if let Some((_, v)) = vars.iter().find(|(n, _)| n == name) {
                        if v.contains('\n') {
                            // A match across a line break reads as one line.
                            out.push_str(&v.split_whitespace().collect::<Vec<_>>().join(" "));
                        } else {
                            out.push_str(v);
                        }
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_renders_and_validates() {
        let t = Template::parse(
            "Use '{suggestion}' not '{match}' {{ok}}",
            &["match", "suggestion"],
        )
        .unwrap();
        assert_eq!(
            t.render(&[("match", "utilize"), ("suggestion", "use")]),
            "Use 'use' not 'utilize' {ok}"
        );
        assert!(
            Template::parse("{valeu}", &["value"])
                .unwrap_err()
                .contains("{value}")
        );
        assert!(Template::parse("oops {", &[]).is_err());
    }
}
