//! Security and limits (issue 13): nothing outside the site is read,
//! published or deleted, and hostile input is bounded. One module per
//! concern.

mod confinement;
mod html;
mod limits;
mod serve;
mod small;
