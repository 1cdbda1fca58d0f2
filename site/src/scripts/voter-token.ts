// The lookup's token for managing alerts lives in this tab's sessionStorage only: never in a URL, never in a cookie,
// gone when the tab closes. It expires on the API's side after a few minutes anyway.
const key = "ballot.voterToken";

export const saveVoterToken = (token: string): void => sessionStorage.setItem(key, token);
export const voterToken = (): string | null => sessionStorage.getItem(key);
export const forgetVoterToken = (): void => sessionStorage.removeItem(key);
