"""The course composer: a course file put together in the browser, checked as the build checks it."""
