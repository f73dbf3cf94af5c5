//! Building views with plain DOM calls: the element a view owns (`StaticElement`), the few
//! helpers that build and wire it, and the one that keeps it in step with the state it shows.
//! Used wherever a `view!` per kind of element costs more wasm than it is worth (see the levers in
//! docs/size-and-speed.md): the report's blocks, the walk, the start page, the notices, the roadmap.

use leptos::prelude::*;
use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{
    add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml,
};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// A block built with plain DOM calls. Most blocks hold nothing reactive, and a `view!` per kind
/// of element costs its own build and rebuild code in the wasm (measured: see the levers table in
/// docs/size-and-speed.md). Text goes in as text, never parsed as HTML.
pub(super) struct StaticElement(SendWrapper<web_sys::Element>);

impl StaticElement {
    pub(super) fn view(el: web_sys::Element) -> AnyView {
        StaticElement(SendWrapper::new(el)).into_any()
    }
}

impl Render for StaticElement {
    type State = web_sys::Element;

    fn build(self) -> web_sys::Element {
        self.0.take()
    }

    fn rebuild(self, state: &mut web_sys::Element) {
        let mut new = self.0.take();
        // Kept when it reads the same: focus in a table and its sideways scroll stay.
        if !state.is_equal_node(Some(&new)) {
            state.insert_before_this(&mut new);
            state.unmount();
            *state = new;
        }
    }
}

impl AddAnyAttr for StaticElement {
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        panic!("a built block takes no attributes from outside")
    }
}

/// The page is rendered in the browser only: there is no server HTML to write or hydrate.
impl RenderHtml for StaticElement {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        _buf: &mut String,
        _position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
    }

    fn hydrate<const FROM_SERVER: bool>(
        self,
        _cursor: &Cursor,
        _position: &PositionState,
    ) -> web_sys::Element {
        self.0.take()
    }

    fn into_owned(self) -> Self {
        self
    }
}

/// An element with a class ("" for none) and text, if any.
pub(super) fn el(tag: &str, class: &str, text: Option<&str>) -> web_sys::Element {
    let e = document()
        .create_element(tag)
        .unwrap_or_else(|_| panic!("a {tag} can be made"));
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if text.is_some() {
        e.set_text_content(text);
    }
    e
}

pub(super) fn attr(e: &web_sys::Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

pub(super) fn add(parent: &web_sys::Element, child: &web_sys::Element) {
    let _ = parent.append_child(child);
}

/// The element an event happened on, if it is a `T`.
pub(super) fn target<T: JsCast>(ev: &web_sys::Event) -> Option<T> {
    ev.target().and_then(|t| t.dyn_into().ok())
}

/// Shows what `read` gives as a view is built, and again whenever it changes (not when it reads
/// the same: a live region would announce it again), with what it gave before.
pub(super) fn keep<T: Clone + PartialEq + 'static>(
    read: impl Fn() -> T + 'static,
    show: impl Fn(Option<&T>, &T) + 'static,
) {
    let now = untrack(&read);
    show(None, &now);
    Effect::new(move |last: Option<T>| {
        let v = read();
        let was = last.unwrap_or_else(|| now.clone());
        if was != v {
            show(Some(&was), &v);
        }
        v
    });
}

/// Calls `f` on each `event` at `e` for as long as the view building it lives. Only for an element
/// built afresh with its view: a [`StaticElement`] rebuilt in place keeps its old node, whose
/// listeners went with the old view.
pub(super) fn listen(e: &web_sys::Element, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let f = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = e.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    let f = SendWrapper::new(f);
    on_cleanup(move || drop(f));
}
