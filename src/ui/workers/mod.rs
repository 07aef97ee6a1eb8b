//! Work off the UI thread: file jobs (`files`: templates, settings, the library, image
//! decoding, file dialogs, audience scans) and network jobs (`net`: sends, the RCS account,
//! campaign runs). Every request that an answer could outlive carries a generation number
//! (see [`generation`]); an answer for an older generation is dropped.

pub mod files;
pub mod generation;
pub mod net;
mod worker;
