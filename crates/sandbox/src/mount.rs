//! Mounts a handler where the contract says its endpoint lives: at `<E as Endpoint>::ROUTE`
//! (axum 0.8 reads the same `{name}` parameters) for `E::VERB`, so no route is spelled twice.

use axum::handler::Handler;
use axum::routing::{on, MethodFilter};
use axum::Router;
use partner_api::endpoint::{Endpoint, Verb};

fn filter(verb: Verb) -> MethodFilter {
    match verb {
        Verb::Get => MethodFilter::GET,
        Verb::Post => MethodFilter::POST,
        Verb::Put => MethodFilter::PUT,
        Verb::Delete => MethodFilter::DELETE,
    }
}

pub trait MountEndpoint<S> {
    /// Serves endpoint `E` with `handler`; another verb on the same route merges with it.
    fn endpoint<E: Endpoint, H: Handler<T, S>, T: 'static>(self, handler: H) -> Self;
}

impl<S: Clone + Send + Sync + 'static> MountEndpoint<S> for Router<S> {
    fn endpoint<E: Endpoint, H: Handler<T, S>, T: 'static>(self, handler: H) -> Self {
        self.route(E::ROUTE, on(filter(E::VERB), handler))
    }
}
