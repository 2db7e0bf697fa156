// JS surface of runtime/bindings/url.cc (internalBinding('url')).
// A parsed URL is its href plus offsets written into `urlComponents`, in the order of
// base/url's UrlOffsets: protocolEnd, usernameStart, usernameEnd, passwordStart,
// passwordEnd, hostStart, hostEnd, portStart, portEnd, pathnameStart, searchStart,
// hashStart.
export const urlComponents: Uint32Array;
export function parse(input: string, base?: string): string | undefined;
export function canParse(input: string, base?: string): boolean;
// component: 0 href, 1 protocol, 2 username, 3 password, 4 host, 5 hostname, 6 port,
// 7 pathname, 8 search, 9 hash. False only when an href value does not parse.
export function update(href: string, component: number, value: string): string | false;
export function domainToASCII(domain: string): string;
export function domainToUnicode(domain: string): string;
export function format(href: string, fragment: boolean, unicode: boolean, search: boolean,
                       auth: boolean): string;
