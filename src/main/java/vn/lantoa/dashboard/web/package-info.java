/** The dashboard page (charts drawn on the server as inline SVG, printable) and its JSON API. */
package vn.lantoa.dashboard.web;
