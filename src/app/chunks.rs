//! Calling code that lives in a chunk of its own (the release build's `split` feature, see
//! scripts/wasm): awaited where it is split off, called directly where it is not (the tests).

/// The result of a call into a chunk that is already loaded, which completes at once; `Unloaded`
/// if it is not.
#[cfg(feature = "split")]
pub(crate) fn poll_once<T>(
    call: impl std::future::Future<Output = Result<T, Unloaded>>,
) -> Result<T, Unloaded> {
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    match std::pin::pin!(call).poll(&mut cx) {
        std::task::Poll::Ready(r) => r,
        std::task::Poll::Pending => Err(Unloaded),
    }
}

/// Calls a function of a chunk that is loaded already (see `poll_once`); directly where there are
/// no chunks.
macro_rules! call_loaded {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let r = $crate::app::chunks::poll_once($call);
        #[cfg(not(feature = "split"))]
        let r = $call;
        r
    }};
}
pub(crate) use call_loaded;

/// Calls a page function of a chunk: awaited where it is split off, directly where it is not.
macro_rules! call_chunk {
    ($call:expr) => {{
        #[cfg(feature = "split")]
        let page = $call.await;
        #[cfg(not(feature = "split"))]
        let page = $call;
        page
    }};
}
pub(crate) use call_chunk;

/// A chunk's code could not be fetched (offline before the page was ever opened, say).
pub struct Unloaded;

impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}
