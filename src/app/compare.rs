//! Comparing assessments: side by side, the alignment gap between IT's view and the business's, a
//! team's median view, and the trend. The figures come from `model::compare`; this page picks the
//! assessments and lays the figures out. What comes from links and files stays in this page only
//! (nothing is written to storage) unless the user saves the team's median.

use super::report::render;
use super::results::{print_one_page, ReportWhenReady, Tried};
use super::words::{tr, trf};
use super::{browser, Ctx};
use crate::model::compare_inputs::read_links;
use crate::model::compare_page::side_by_side;
use crate::model::keys as k;
use crate::model::team_trend_page::{team_page, trend_page};
use crate::model::{self, builtin, exchange, Assessment};
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
pub enum Show {
    Side,
    Team,
    Trend,
}

/// What the comparison page shows, kept while the tab is open (so coming back, or going to the
/// team's saved report and back, finds it as it was) and never stored.
#[derive(Clone, Copy)]
pub struct Picks {
    picks: RwSignal<model::compare_picks::Picks>,
    show: RwSignal<Show>,
    /// What the last addition did, in words.
    status: RwSignal<Vec<String>>,
    /// A link to add when the page opens (see [`Picks::pair`]).
    link: RwSignal<Option<String>>,
}

fn saved_list(ctx: Ctx) -> Vec<Assessment> {
    ctx.store
        .with_untracked(|s| s.list().into_iter().cloned().collect())
}

impl Picks {
    pub fn new() -> Picks {
        Picks {
            picks: RwSignal::new(Default::default()),
            show: RwSignal::new(Show::Side),
            status: RwSignal::new(Vec::new()),
            link: RwSignal::new(None),
        }
    }

    /// Adds, ticked, what is not in the lists yet, and says what happened (after `problems`, the
    /// lines that could not be read).
    pub fn add(&self, ctx: Ctx, found: Vec<Assessment>, problems: Vec<String>) {
        let saved = saved_list(ctx);
        let said = self.picks.try_update(|p| p.add(found, &saved, problems));
        self.status.set(said.unwrap_or_default());
    }

    /// Shows a saved assessment beside the one a link holds, side by side (the gap first when
    /// they are IT's and the business's): what answering a shared report from the other side
    /// leads to. The link is read when the page opens (its code is the page's chunk).
    pub fn pair(&self, saved: &str, link: String) {
        self.picks.update(|p| p.pair(saved));
        self.link.set(Some(link));
        self.show.set(Show::Side);
    }

    /// Takes in the link [`Picks::pair`] left; says so when it cannot be read.
    fn take_link(&self, ctx: Ctx) {
        let Some(link) = self.link.try_update(Option::take).flatten() else {
            return;
        };
        match crate::model::share::decode(builtin(), &link) {
            Ok(s) => {
                let saved = saved_list(ctx);
                let said = self
                    .picks
                    .try_update(|p| p.take_shared(s.assessment, &saved));
                self.status.set(said.unwrap_or_default());
            }
            Err(e) => self.status.set(vec![trf(
                k::compare::LINK_ERROR,
                &[("error", &e.to_string())],
            )]),
        }
    }
}

/// One list of the picker: each assessment as a checkbox with its label. Not generic over the
/// handlers, so both lists share one compiled view.
fn pick_list(
    labels: Vec<String>,
    checked: std::sync::Arc<dyn Fn(usize) -> bool + Send + Sync>,
    toggle: std::rc::Rc<dyn Fn(usize, bool)>,
) -> AnyView {
    view! {
        <ul class="picks">{labels.into_iter().enumerate().map(|(i, label)| {
            let (toggle, checked) = (toggle.clone(), checked.clone());
            view! {
                <li>
                    <label class="choice">
                        <input type="checkbox" prop:checked=move || checked(i) on:change=move |ev| toggle(i, event_target_checked(&ev)) />
                        <span>{label}</span>
                    </label>
                </li>
            }
        }).collect_view()}</ul>
    }
    .into_any()
}

fn describe(a: &Assessment) -> String {
    trf(
        k::compare::DESCRIBE,
        &[
            ("name", a.display_name()),
            ("side", a.perspective.label()),
            ("date", &browser::date_time(a.updated)),
        ],
    )
}

#[component]
pub fn ComparePage() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    request_animation_frame(browser::show_page);
    ctx.picks.take_link(ctx);
    let Picks {
        picks,
        show,
        status,
        ..
    } = ctx.picks;
    let saved = Memo::new(move |_| {
        ctx.store
            .with(|s| s.list().into_iter().cloned().collect::<Vec<_>>())
    });
    let links = RwSignal::new(String::new());
    // The labels only: ticking one must not rebuild its list, and adding more not the fieldset.
    let added = Memo::new(move |_| picks.with(|p| p.added().map(describe).collect::<Vec<_>>()));
    let any_added = Memo::new(move |_| added.with(|l| !l.is_empty()));
    let chosen = Memo::new(move |_| saved.with(|s| picks.with(|p| p.chosen(s))));
    let take =
        move |found: Vec<Assessment>, problems: Vec<String>| ctx.picks.add(ctx, found, problems);
    let add_links = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Everything in the lists already: what is added is checked against it.
        let known = saved.with_untracked(|s| picks.with_untracked(|p| p.known(s)));
        let (found, problems) = read_links(builtin(), &links.get_untracked(), &known);
        if problems.is_empty() {
            links.set(String::new());
        }
        take(found, problems);
    };
    let add_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let (mut found, mut problems) = (Vec::new(), Vec::new());
            for file in files {
                let name = file.name();
                let read = browser::read_file(file, exchange::MAX_IMPORT_BYTES)
                    .await
                    .and_then(|t| exchange::import(builtin(), &t).map_err(|e| e.to_string()));
                match read {
                    Ok(list) => found.extend(list),
                    Err(e) => problems.push(trf(
                        k::compare::FILE_ERROR,
                        &[("file", &name), ("error", &e)],
                    )),
                }
            }
            take(found, problems);
        });
    };
    // The setup folds away once two are picked, so the result comes first; it opens again on
    // request, and never closes by itself while the reader is picking.
    let open = chosen.with_untracked(|l| l.len() < 2);
    let summary = move || {
        let n = chosen.with(Vec::len);
        if n < 2 {
            tr(k::compare::CHOOSE).to_string()
        } else {
            trf(k::compare::CHOOSE_PICKED, &[("n", &n.to_string())])
        }
    };
    view! {
        <section class="page compare" aria-labelledby="compare-title" on:click=super::report::fold>
            <h1 id="compare-title">{tr(k::compare::TITLE)}</h1>
            <details class="no-print compare-setup" open=open>
                <summary>{summary}</summary>
                <p class="lead">{tr(k::compare::LEAD)}</p>
                <fieldset>
                    <legend>{tr(k::compare::SAVED)}</legend>
                    {move || {
                        let list = saved.get();
                        if list.is_empty() {
                            return view! { <p>{tr(k::compare::NONE_SAVED)}</p> }.into_any();
                        }
                        let labels = list.iter().map(describe).collect();
                        let ids: std::sync::Arc<Vec<String>> = std::sync::Arc::new(list.into_iter().map(|a| a.id).collect());
                        let ids2 = ids.clone();
                        pick_list(
                            labels,
                            std::sync::Arc::new(move |i| picks.with(|p| p.is_saved_picked(&ids[i]))),
                            std::rc::Rc::new(move |i, yes| picks.update(|p| p.pick_saved(&ids2[i], yes))),
                        )
                    }}
                </fieldset>
                {move || any_added.get().then(|| view! {
                    <fieldset>
                        <legend>{tr(k::compare::ADDED)}</legend>
                        {move || pick_list(
                            added.get(),
                            std::sync::Arc::new(move |i| picks.with(|p| p.is_added_picked(i))),
                            std::rc::Rc::new(move |i, yes| picks.update(|p| p.pick_added(i, yes))),
                        )}
                        <button type="button" class="quiet" on:click=move |_| picks.update(|p| p.clear_added())>{tr(k::compare::REMOVE_ADDED)}</button>
                    </fieldset>
                })}
                <form class="card" on:submit=add_links>
                    <label for="compare-links">{tr(k::compare::LINKS)}</label>
                    <textarea id="compare-links" rows="4" prop:value=move || links.get()
                        on:input=move |ev| links.set(event_target_value(&ev))></textarea>
                    <button type="submit">{tr(k::compare::ADD_LINKS)}</button>
                    <label for="compare-files">{tr(k::compare::FILES)}</label>
                    <input type="file" id="compare-files" multiple accept=".json,application/json" on:change=add_files />
                </form>
            </details>
            // Outside the fold: what an addition did shows whether the setup is open or not.
            <div role="status" class="no-print">{move || status.get().into_iter().map(|m| view! { <p class="meta">{m}</p> }).collect_view()}</div>
            {move || {
                let n = chosen.with(Vec::len);
                if n < 2 {
                    return view! { <p class="notice">{tr(k::compare::PICK_TWO)}</p> }.into_any();
                }
                let choice = move |value: Show, label: &'static str| view! {
                    <label class="choice">
                        <input type="radio" name="show" prop:checked=move || show.get() == value on:change=move |_| show.set(value) />
                        <span>{label}</span>
                    </label>
                };
                view! {
                    <fieldset class="no-print show-as">
                        <legend>{trf(k::compare::SHOW, &[("n", &n.to_string())])}</legend>
                        {choice(Show::Side, tr(k::compare::SIDE_BY_SIDE))}
                        {choice(Show::Team, tr(k::compare::TEAM))}
                        {choice(Show::Trend, tr(k::compare::TREND))}
                    </fieldset>
                    <p class="no-print"><button type="button" on:click=|_| super::chart::print_page()>{tr(k::results::PRINT)}</button></p>
                    {move || {
                        let list = chosen.get();
                        let refs: Vec<&Assessment> = list.iter().collect();
                        let bank = builtin();
                        match show.get() {
                            Show::Side => render(side_by_side(bank, &refs), 0, "compare"),
                            Show::Trend => render(trend_page(bank, &refs), 0, "compare"),
                            Show::Team => {
                                let (blocks, median, pooled) = team_page(bank, &refs);
                                view! { {render(blocks, 0, "compare")} {team_report(ctx, median, pooled)} }.into_any()
                            }
                        }
                    }}
                }.into_any()
            }}
        </section>
    }
}

/// The report of the team's median answers, which the user may save as an assessment of its own,
/// with the targets tried on it (the team's joint ones), and print on one page with the gap's
/// largest parts.
fn team_report(ctx: Ctx, median: Assessment, pooled: bool) -> impl IntoView {
    let tried = Tried::new(median);
    let open = RwSignal::new(false);
    view! {
        <section class="report-section team-report" aria-labelledby="team-report-title">
            <h2 id="team-report-title">{tr(k::team_report::TITLE)}</h2>
            <p class="no-print">
                {tr(k::team_report::LEAD)}
                <button type="button" on:click=move |_| tried.save_copy(ctx)>{tr(k::team_report::SAVE)}</button>
                " "
                <button type="button" on:click=move |_| print_one_page(open)>{tr(k::results::PRINT_ONE)}</button>
            </p>
            <ReportWhenReady assessment=tried.assessment owner="compare" nested=true pooled=pooled/>
            <p class="no-print" role="status">
                {move || tried.changed.get().then_some(tr(k::team_report::TRIED))}
            </p>
            {tried.plan("compare", open)}
        </section>
    }
}
