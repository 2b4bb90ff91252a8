//! Moving data off and onto the device: export and import files, share links, the print
//! model and calendar files.
