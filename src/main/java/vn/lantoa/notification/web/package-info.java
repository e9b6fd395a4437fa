/** The notification list, its unread count in the navigation, and the preferences, over HTTP and as pages. */
package vn.lantoa.notification.web;
