// Entry point: the page's only script. Everything else is reached from the app shell.
import './components/fp-app';
