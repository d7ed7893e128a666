//! What the page registry (src/pages/registry.rs) says about one page: its path, area, place in
//! the navigation, access rule and view. The types live here, outside `pages/`, so the shell's
//! navigation (a component) can read the registry (provided as a context by app.rs) without
//! importing a page.

use super::access::Access;
use crate::i18n::Msg;
use futures::future::LocalBoxFuture;
use leptos::prelude::*;

/// The console's areas, in navigation order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Home,
    Sales,
    Benefits,
    Delivery,
}

impl Area {
    pub const ALL: [Area; 4] = [Area::Home, Area::Sales, Area::Benefits, Area::Delivery];

    pub fn label(self) -> Msg {
        match self {
            Area::Home => Msg::NavHome,
            Area::Sales => Msg::NavSales,
            Area::Benefits => Msg::NavBenefits,
            Area::Delivery => Msg::NavDelivery,
        }
    }
}

/// A page's entry in the side navigation (and the overview's quick links).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nav {
    pub label: Msg,
    pub test_id: &'static str,
}

/// How a page's view is made: in the main module, or split into its own lazily fetched module
/// (src/pages/lazy.rs).
#[derive(Clone, Copy)]
pub enum PageView {
    Eager(fn() -> AnyView),
    Lazy { choose: fn() -> LocalBoxFuture<'static, AnyView>, preload: fn() -> LocalBoxFuture<'static, ()> },
}

/// Sends a page's first read as soon as it is opened, from the URL's query, while its code
/// downloads (api/early.rs); the page's own identical call takes the answer.
pub type FirstRequest = fn(crate::api::Api, &leptos_router::params::ParamsMap);

#[derive(Clone, Copy)]
pub struct Page {
    /// One of `routes::paths` (the URL, exactly).
    pub path: &'static str,
    pub area: Area,
    pub nav: Option<Nav>,
    pub access: Access,
    pub view: PageView,
    pub first_request: Option<FirstRequest>,
    /// The page's name in the browser's title ("<name> · Partner Center"): the navigation
    /// label unless `.title(…)` names it.
    pub title: Option<Msg>,
    /// A development page: opened only where `config.json` enables them (`dev_pages`, always
    /// in debug builds); elsewhere its URL is Not Found and its code is never fetched.
    pub dev: bool,
}

impl Page {
    pub const fn new(path: &'static str, area: Area, access: Access, view: PageView) -> Page {
        Page { path, area, nav: None, access, view, first_request: None, title: None, dev: false }
    }

    /// In the navigation under this label (also the page's name in the title).
    pub const fn nav(self, label: Msg, test_id: &'static str) -> Page {
        Page { nav: Some(Nav { label, test_id }), ..self }
    }

    /// The page's name in the browser's title, for a page outside the navigation.
    pub const fn title(self, name: Msg) -> Page {
        Page { title: Some(name), ..self }
    }

    /// A development page (see `dev`).
    pub const fn dev(self) -> Page {
        Page { dev: true, ..self }
    }

    /// The page's name: its title, else its navigation label.
    pub fn name(&self) -> Option<Msg> {
        self.title.or(self.nav.map(|n| n.label))
    }

    /// Starts the page's first read while its code downloads.
    pub const fn first_request(self, first: FirstRequest) -> Page {
        Page { first_request: Some(first), ..self }
    }

    /// The route inside the signed-in frame: the path without its leading slash.
    pub fn route(&self) -> &'static str {
        self.path.trim_start_matches('/')
    }
}

/// The registry, as the app provides it to the shell.
#[derive(Clone, Copy)]
pub struct Pages(pub &'static [Page]);

impl Pages {
    /// The navigation of one area, in registry order.
    pub fn nav(self, area: Area) -> impl Iterator<Item = (&'static Page, Nav)> {
        self.0.iter().filter(move |p| p.area == area).filter_map(|p| p.nav.map(|n| (p, n)))
    }

    /// The access rule of the page at `path` (a link to it is offered only where it allows).
    pub fn access_of(self, path: &str) -> Option<Access> {
        self.0.iter().find(|p| p.path == path).map(|p| p.access)
    }

    /// Whether a nav item should only be active on its exact path: the home, and items with
    /// other items below them (`/sales/vouchers` is not active on `/sales/vouchers/issue`).
    pub fn exact(self, path: &str) -> bool {
        let below = format!("{path}/");
        path == "/" || self.0.iter().any(|p| p.nav.is_some() && p.path.starts_with(&below))
    }
}

impl Pages {
    /// The page an in-app path opens, as the router matches it (registry order; the Not
    /// Found catch-all last).
    pub fn at(self, path: &str) -> Option<&'static Page> {
        use leptos_router::PossibleRouteMatch;
        self.0.iter().find(|p| {
            super::route_path::RoutePath(p.path).test(path).is_some_and(|m| m.remaining().trim_matches('/').is_empty())
        })
    }

    /// The Not Found page.
    pub fn not_found(self) -> Option<&'static Page> {
        self.0.iter().find(|p| p.path == super::paths::NOT_FOUND)
    }
}

pub fn use_pages() -> Pages {
    expect_context::<Pages>()
}
