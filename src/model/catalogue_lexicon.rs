//! The catalogue check's words (`questions/catalogue.toml`), and the checks the build runs on them.

use serde::{Deserialize, Serialize};

/// The catalogue check's words, each list in lower case (see `questions/catalogue.toml`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lexicon {
    pub products: Vec<String>,
    /// Product names that are common words: they count only where written with a capital.
    pub capitalised_products: Vec<String>,
    /// Whom a service is for: these decide nothing.
    pub audiences: Vec<String>,
    /// Abbreviations in capitals that are not system names.
    pub abbreviations: Vec<String>,
    pub technology: Vec<String>,
    pub activity: Vec<String>,
    pub outcome: Vec<String>,
    pub unclear: Vec<String>,
    /// Words that say how a service is offered, never what it is: written with a capital or in
    /// brackets ("Backup (Optional)") they still name no system.
    #[serde(default)]
    pub plain: Vec<String>,
}

impl Lexicon {
    fn lists(&self) -> [(&'static str, &Vec<String>); 9] {
        [
            ("products", &self.products),
            ("capitalised_products", &self.capitalised_products),
            ("audiences", &self.audiences),
            ("abbreviations", &self.abbreviations),
            ("technology", &self.technology),
            ("activity", &self.activity),
            ("outcome", &self.outcome),
            ("unclear", &self.unclear),
            ("plain", &self.plain),
        ]
    }

    /// What is wrong with the lexicon, each naming its list and term: a term that is empty, not in
    /// lower case, or in two places (which list it belongs to would be a guess).
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for (list, terms) in self.lists() {
            if terms.is_empty() {
                problems.push(format!("`{list}`: the list is empty"));
            }
            for t in terms.iter() {
                if t.trim().is_empty() {
                    problems.push(format!("`{list}`: an empty term"));
                } else if *t != t.to_lowercase() || t.trim() != t {
                    problems.push(format!(
                        "`{list}`: “{t}” must be written in lower case, without spaces around it"
                    ));
                }
                match seen.iter().find(|(_, s)| *s == t.as_str()) {
                    Some((other, _)) => {
                        problems.push(format!("`{list}`: “{t}” is in `{other}` already"))
                    }
                    None => seen.push((list, t)),
                }
            }
        }
        problems
    }
}
