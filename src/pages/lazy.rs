//! Lazily loaded pages: `lazy!(Name => module::Page)` in the registry (registry.rs) makes the
//! page's view a `LazyRoute` whose code is split out of the main wasm into its own module (shared
//! code into shared chunks) by `wasm-split-cli` in the build (xtask/split-wasm.mjs), and fetched
//! on first navigation. This keeps the first load small however many pages the console grows.
//! Each module is named after `Name` (`split___name_view…`), so names must be unique.

use futures::future::LocalBoxFuture;
use leptos::prelude::*;
use leptos_router::{ChooseView, Lazy, LazyRoute};

/// The view half of a lazy route, for `PageView::Lazy`.
pub fn choose<T: LazyRoute + Send + Sync>() -> LocalBoxFuture<'static, AnyView> {
    Box::pin(Lazy::<T>::new().choose())
}

/// Fetches a lazy route's module without building the page.
pub fn preload<T: LazyRoute + Send + Sync>() -> LocalBoxFuture<'static, ()> {
    Box::pin(async { T::preload().await })
}

/// `lazy!(Name => path::to::PageComponent)`: a `PageView::Lazy` for the registry.
macro_rules! lazy {
    ($route:ident => $($module:ident)::+) => {{
        pub struct $route;
        #[leptos_router::lazy_route]
        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                Self
            }
            fn view(_this: Self) -> leptos::prelude::AnyView {
                use leptos::prelude::*;
                use $($module)::+ as Page;
                view! { <Page /> }.into_any()
            }
        }
        $crate::routes::page::PageView::Lazy {
            choose: $crate::pages::lazy::choose::<$route>,
            preload: $crate::pages::lazy::preload::<$route>,
        }
    }};
}
pub(crate) use lazy;
