//! A list page's first read, started when the page is opened (the registry's
//! `first_request`, api/early.rs): the page of rows its URL asks for, with the request its
//! filters make — exactly what the table will ask for once the page's code has arrived.

use super::url::{Filters, ListView, Sizes};
use crate::api::Api;
use leptos_router::params::ParamsMap;
use partner_api::endpoint::Paged;

pub fn start_first_page<F: Filters, E: Paged>(
    api: Api,
    query: &ParamsMap,
    sizes: Sizes,
    default_sort: &[(&str, bool)],
    request: impl Fn(&F) -> Option<E>,
) {
    let view = ListView::<F>::read(&|k| query.get(k), sizes);
    if let Some(request) = request(&view.filters) {
        api.start_early_page(&request, &view.slice(default_sort));
    }
}
