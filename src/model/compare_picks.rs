//! What the comparison page has picked: saved assessments by id, and those added from links and
//! files with whether each is ticked. Pure, so the page only holds one of these in a signal and
//! the rules (nothing added twice, a shared link picked again rather than repeated) are tested
//! natively.

use super::compare_inputs::{new_ones, same};
use super::Assessment;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Picks {
    /// Ids of the saved assessments picked, in the order picked.
    saved: Vec<String>,
    /// From links and files, in the order added, each with whether it is picked.
    added: Vec<(Assessment, bool)>,
}

impl Picks {
    pub fn is_saved_picked(&self, id: &str) -> bool {
        self.saved.iter().any(|s| s == id)
    }

    pub fn pick_saved(&mut self, id: &str, yes: bool) {
        self.saved.retain(|s| s != id);
        if yes {
            self.saved.push(id.to_string());
        }
    }

    /// Those added from links and files, in the order added.
    pub fn added(&self) -> impl Iterator<Item = &Assessment> {
        self.added.iter().map(|(a, _)| a)
    }

    pub fn is_added_picked(&self, i: usize) -> bool {
        self.added.get(i).is_some_and(|(_, on)| *on)
    }

    pub fn pick_added(&mut self, i: usize, yes: bool) {
        if let Some((_, on)) = self.added.get_mut(i) {
            *on = yes;
        }
    }

    pub fn clear_added(&mut self) {
        self.added.clear();
    }

    /// Everything in the lists already: `saved` (what this browser holds) and those added.
    pub fn known(&self, saved: &[Assessment]) -> Vec<Assessment> {
        saved.iter().chain(self.added()).cloned().collect()
    }

    /// The assessments picked: the saved ones (in `saved`'s order), then those added.
    pub fn chosen(&self, saved: &[Assessment]) -> Vec<Assessment> {
        let mine = saved.iter().filter(|a| self.is_saved_picked(&a.id));
        let added = self.added.iter().filter(|(_, on)| *on).map(|(a, _)| a);
        mine.chain(added).cloned().collect()
    }

    /// Adds, ticked, what is in neither list yet, and returns what happened in words: a count of
    /// those added first, then `problems` (the lines that could not be read), then how many were
    /// there already.
    pub fn add(
        &mut self,
        found: Vec<Assessment>,
        saved: &[Assessment],
        mut problems: Vec<String>,
    ) -> Vec<String> {
        let (found, repeated) = new_ones(found, &self.known(saved));
        use super::keys::comparison as k;
        use super::words::trn;
        if repeated > 0 {
            problems.push(trn(repeated, k::REPEATED_ONE, k::REPEATED_OTHER, &[]));
        }
        if !found.is_empty() {
            problems.insert(0, trn(found.len(), k::ADDED_ONE, k::ADDED_OTHER, &[]));
        }
        for mut a in found {
            // Anonymous respondents get a name the lists, columns and legend share.
            if a.name.trim().is_empty() {
                let n = (self.added.len() + 1).to_string();
                a.name = super::words::trf(super::keys::comparison::RESPONDENT, &[("n", &n)]);
            }
            self.added.push((a, true));
        }
        problems
    }

    /// Only the saved assessment `id`, to be shown beside a shared one (see [`Picks::take_shared`]).
    pub fn pair(&mut self, id: &str) {
        self.saved = vec![id.to_string()];
        self.added.iter_mut().for_each(|(_, on)| *on = false);
    }

    /// Picks `shared`: again where it is in a list already (added from a link, or saved here as a
    /// copy), else added. Returns what happened in words, as [`Picks::add`] does.
    pub fn take_shared(&mut self, shared: Assessment, saved: &[Assessment]) -> Vec<String> {
        if let Some((_, on)) = self.added.iter_mut().find(|(a, _)| same(a, &shared)) {
            *on = true;
            Vec::new()
        } else if let Some(copy) = saved.iter().find(|a| same(a, &shared)) {
            let id = copy.id.clone();
            self.pick_saved(&id, true);
            Vec::new()
        } else {
            self.add(vec![shared], saved, Vec::new())
        }
    }
}
