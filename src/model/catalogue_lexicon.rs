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
    /// Where a word is cut into the parts of a compound: a hyphen parts a word whose last part a
    /// list holds; unless `whole` (a name written with an inner capital, or in brackets), a word no
    /// list holds, eight letters or more, that is a word of the lists (four letters or more) after
    /// another (with or without a joining "s") is those two. Both parts must be listed, so that an
    /// English name ("Dashboard") stays whole. `lower` is `text` in lower case, of the same length.
    pub fn compound_cut(&self, lower: &str, text: &str, whole: bool) -> Option<usize> {
        let lists = [
            &self.outcome,
            &self.activity,
            &self.technology,
            &self.unclear,
        ];
        let listed = |w: &str| {
            lists
                .iter()
                .chain([&&self.products, &&self.audiences])
                .any(|l| l.iter().any(|x| same_word(w, x)))
        };
        if listed(lower) || lower.len() != text.len() {
            return None;
        }
        let cut = if let Some((before, after)) = lower.rsplit_once('-') {
            (!before.is_empty() && listed(after)).then_some(before.len())
        } else if whole || lower.chars().count() < 8 || !lower.chars().all(char::is_alphabetic) {
            None
        } else {
            lists
                .iter()
                .flat_map(|l| l.iter())
                .filter(|w| w.len() >= 4 && !w.contains([' ', '-']) && lower.len() >= w.len() + 3)
                .filter(|w| lower.ends_with(w.as_str()))
                .map(|w| lower.len() - w.len())
                .filter(|&c| {
                    listed(&lower[..c]) || lower[..c].strip_suffix('s').is_some_and(listed)
                })
                .min()
        };
        cut.filter(|c| text.is_char_boundary(*c))
    }

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

/// Whether a written word is a lexicon word: the same, or its plural.
pub fn same_word(token: &str, word: &str) -> bool {
    token == word
        || token
            .strip_suffix('s')
            .is_some_and(|t| t == word || t.strip_suffix('e') == Some(word))
}
